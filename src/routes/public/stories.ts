// Public story routes: list approved, read one, submit, report, withdraw; the author's view and edit.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { reportAndWithdrawRoutes, sendReceipt } from './item-routes.js'
import { ownItemRoutes } from './manage.js'

const stories: FastifyPluginAsync = async (app) => {
  const { limits } = app
  const { sites, stories } = app.store
  app.route<RouteTypes<'listStories'>>({
    ...app.contract.route('listStories'),
    config: { publicCache: true },
    handler: async (request, reply) => {
      const { site, topic: topicSlug } = request.params
      const topic = await sites.topic(site, topicSlug)
      const { limit = 20, cursor, verdict, sort = 'newest' } = request.query
      const page = await stories.list(topic.id, { limit, cursor, verdict, sort })
      if (page.nextCursor) {
        const next = new URLSearchParams({ limit: String(limit), cursor: page.nextCursor, ...(verdict ? { verdict } : {}), ...(sort !== 'newest' ? { sort } : {}) })
        reply.header('link', `</v1/sites/${site}/topics/${topicSlug}/stories?${next.toString()}>; rel="next"`)
      }
      return page
    },
  })

  app.route<RouteTypes<'submitStory'>>({
    ...app.contract.route('submitStory'),
    config: { rateLimit: limits.write, idempotent: { about: 'created' } },
    preHandler: limits.siteWrite,
    handler: async (request, reply) => {
      const topic = await sites.topic(request.params.site, request.params.topic)
      return sendReceipt(reply, '/v1/stories', await stories.submit(topic, request.body, request.clientHash))
    },
  })

  app.route<RouteTypes<'getStory'>>({
    ...app.contract.route('getStory'),
    config: { publicCache: true },
    handler: async (request) => await stories.get(request.params.id),
  })

  reportAndWithdrawRoutes(app, stories, { report: 'reportStory', withdraw: 'withdrawStory' })
  ownItemRoutes(app, stories, { view: 'getOwnStory', edit: 'editOwnStory' })
}

export default stories
