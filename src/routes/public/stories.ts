// Public story routes: list approved, read one, submit, withdraw.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { getPublicStory, listPublicStories } from '../../stories/public-stories.js'
import { automationSign, decoyReceipt } from '../../stories/spam.js'
import { submitStory } from '../../stories/submit.js'
import { withdrawStory } from '../../stories/withdraw.js'
import { reportStory } from '../../reports/reports.js'

const stories: FastifyPluginAsync = async (app) => {
  const { limits } = app
  app.route<RouteTypes<'listStories'>>({
    ...app.contract.route('listStories'),
    handler: async (request, reply) => {
      const { site, topic: topicSlug } = request.params
      const topic = await app.topics.find(site, topicSlug)
      const { limit = 20, cursor, verdict } = request.query
      const page = await listPublicStories(app.db, topic.id, { limit, cursor, verdict })
      if (page.nextCursor) {
        const next = new URLSearchParams({ limit: String(limit), cursor: page.nextCursor, ...(verdict ? { verdict } : {}) })
        reply.header('link', `</v1/sites/${site}/topics/${topicSlug}/stories?${next.toString()}>; rel="next"`)
      }
      return page
    },
  })

  app.route<RouteTypes<'submitStory'>>({
    ...app.contract.route('submitStory'),
    config: { rateLimit: limits.write, idempotent: true },
    preHandler: limits.siteWrite,
    handler: async (request, reply) => {
      const topic = await app.topics.find(request.params.site, request.params.topic)
      const spam = automationSign(request.body)
      if (spam) {
        app.metrics.spam.inc({ reason: spam })
        const { story, manageToken } = decoyReceipt()
        return reply.code(201).header('location', `/v1/stories/${story.id}`)
          .send({ id: story.id, status: 'pending', manageToken, createdAt: story.createdAt.toISOString() })
      }
      const { story, manageToken, triage, support } = await submitStory(app.db, topic, request.body, request.clientHash)
      app.metrics.storiesSubmitted.inc({ level: triage.level })
      app.webhooks.kick()
      return reply.code(201).header('location', `/v1/stories/${story.id}`).send({
        id: story.id,
        status: 'pending',
        manageToken,
        createdAt: story.createdAt.toISOString(),
        ...(support ? { support } : {}),
      })
    },
  })

  app.route<RouteTypes<'getStory'>>({
    ...app.contract.route('getStory'),
    handler: async (request) => await getPublicStory(app.db, request.params.id),
  })

  app.route<RouteTypes<'reportStory'>>({
    ...app.contract.route('reportStory'),
    config: { rateLimit: limits.write, idempotent: true },
    handler: async (request, reply) => {
      await reportStory(app.db, request.params.id, request.clientHash, request.body)
      app.webhooks.kick()
      return reply.code(202).send({ status: 'received' })
    },
  })

  app.route<RouteTypes<'withdrawStory'>>({
    ...app.contract.route('withdrawStory'),
    config: { rateLimit: limits.write },
    handler: async (request, reply) => {
      await withdrawStory(app.db, request.params.id, request.headers['x-manage-token'])
      app.tallies.invalidate()
      return reply.code(204).send()
    },
  })
}

export default stories
