// Public story routes: list approved, read one, submit, report, withdraw; the author's view and edit.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { getPublicStory, listPublicStories } from '../../stories/public-stories.js'
import { storeSubmission } from '../../stories/submit.js'
import { receiveSubmission, reportAndWithdrawRoutes } from './item-routes.js'
import { ownItemRoutes } from './manage.js'

const stories: FastifyPluginAsync = async (app) => {
  const { limits } = app
  app.route<RouteTypes<'listStories'>>({
    ...app.contract.route('listStories'),
    config: { publicCache: true },
    handler: async (request, reply) => {
      const { site, topic: topicSlug } = request.params
      const topic = await app.topics.find(site, topicSlug)
      const { limit = 20, cursor, verdict, sort = 'newest' } = request.query
      const page = await listPublicStories(app.pool, topic.id, { limit, cursor, verdict, sort })
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
      const topic = await app.topics.find(request.params.site, request.params.topic)
      return await receiveSubmission(app, reply, '/v1/stories', request.body,
        async () => await storeSubmission(app.pool, { ...request.body, topic }, request.clientHash))
    },
  })

  app.route<RouteTypes<'getStory'>>({
    ...app.contract.route('getStory'),
    config: { publicCache: true },
    handler: async (request) => await getPublicStory(app.pool, request.params.id),
  })

  reportAndWithdrawRoutes(app, 'story', { report: 'reportStory', withdraw: 'withdrawStory' })
  ownItemRoutes(app, 'story', { view: 'getOwnStory', edit: 'editOwnStory' })
}

export default stories
