// Moderation API: role moderator or admin, limited to the key's sites.
import type { FastifyPluginAsync } from 'fastify'
import { storyHistory } from '../../audit/audit.js'
import type { RouteTypes } from '../../contract/types.js'
import { decide } from '../../moderation/decisions.js'
import { etagFor, loadForModerator, toModerationStory } from '../../moderation/moderation-story.js'
import { moderationQueue } from '../../moderation/queue.js'
import type { RateLimits } from '../../plugins/rate-limit.js'
import { triage } from '../../triage/triage.js'

const moderation: FastifyPluginAsync<{ limits: RateLimits }> = async (app, { limits }) => {
  app.addHook('onRequest', app.requireRole(['moderator', 'admin']))
  app.addHook('onRoute', (route) => {
    route.config = { rateLimit: limits.read, ...route.config }
  })

  app.route<RouteTypes<'getModerationQueue'>>({
    ...app.contract.route('getModerationQueue'),
    handler: async (request) => {
      const { site, status = 'pending', level, limit = 20, cursor } = request.query
      return await moderationQueue(app.db, request.principal!, { site, status, level, limit, cursor })
    },
  })

  app.route<RouteTypes<'getModerationStory'>>({
    ...app.contract.route('getModerationStory'),
    handler: async (request, reply) => {
      const story = await loadForModerator(app.db, request.principal!, request.params.id)
      reply.header('etag', etagFor(story))
      return toModerationStory(story)
    },
  })

  app.route<RouteTypes<'decideStory'>>({
    ...app.contract.route('decideStory'),
    handler: async (request, reply) => {
      const story = await decide(app.db, request.principal!, request.params.id, request.headers['if-match'], request.body)
      app.metrics.decisions.inc({ action: request.body.action })
      reply.header('etag', etagFor(story))
      return toModerationStory(story)
    },
  })

  app.route<RouteTypes<'getStoryHistory'>>({
    ...app.contract.route('getStoryHistory'),
    handler: async (request) => {
      const story = await loadForModerator(app.db, request.principal!, request.params.id)
      return { items: await storyHistory(app.db, story.id) }
    },
  })

  app.route<RouteTypes<'triageText'>>({
    ...app.contract.route('triageText'),
    handler: async (request) => triage(request.body),
  })
}

export default moderation
