// Moderation API: role moderator or admin, limited to the key's sites.
import type { FastifyPluginAsync } from 'fastify'
import { storyHistory } from '../../audit/audit.js'
import type { RouteTypes } from '../../contract/types.js'
import { claimStory, releaseClaim } from '../../moderation/claims.js'
import { decide } from '../../moderation/decisions.js'
import { editStory } from '../../moderation/edits.js'
import { etagFor, loadForModerator, toModerationStory } from '../../moderation/moderation-story.js'
import { moderationQueue } from '../../moderation/queue.js'
import { correctTriage } from '../../moderation/triage-corrections.js'
import { triageQuality } from '../../moderation/triage-quality.js'
import { ratingActivity } from '../../ratings/rating-activity.js'
import { triage } from '../../triage/triage.js'

const moderation: FastifyPluginAsync<{ claimLeaseSeconds: number }> = async (app, { claimLeaseSeconds }) => {
  app.addHook('preParsing', app.requireRole(['moderator', 'admin']))

  app.route<RouteTypes<'getModerationQueue'>>({
    ...app.contract.route('getModerationQueue'),
    handler: async (request) => {
      const { site, status, level, category, kind, overdue, escalated = false, limit = 20, cursor } = request.query
      return await moderationQueue(app.db, app.pool, request.principal!, { site, status, level, category, kind, overdue, escalated, limit, cursor })
    },
  })

  app.route<RouteTypes<'getReaderRatingActivity'>>({
    ...app.contract.route('getReaderRatingActivity'),
    handler: async (request) => {
      const { site, hours = 24, flagged = false, limit = 20 } = request.query
      return await ratingActivity(app.db, request.principal!, { site, hours, flagged, limit })
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

  app.route<RouteTypes<'editStory'>>({
    ...app.contract.route('editStory'),
    handler: async (request, reply) => {
      const story = await editStory(app.db, request.principal!, request.params.id, request.headers['if-match'], request.body)
      app.publicViews.changed()
      reply.header('etag', etagFor(story))
      return toModerationStory(story)
    },
  })

  app.route<RouteTypes<'claimStory'>>({
    ...app.contract.route('claimStory'),
    handler: async (request) => await claimStory(app.db, request.principal!, request.params.id, claimLeaseSeconds),
  })

  app.route<RouteTypes<'releaseClaim'>>({
    ...app.contract.route('releaseClaim'),
    handler: async (request, reply) => {
      await releaseClaim(app.db, request.principal!, request.params.id)
      return reply.code(204).send()
    },
  })

  app.route<RouteTypes<'decideStory'>>({
    ...app.contract.route('decideStory'),
    config: { idempotent: { about: 'path' } },
    handler: async (request, reply) => {
      const story = await decide(app.db, request.principal!, request.params.id, request.headers['if-match'], request.body)
      app.metrics.decisions.inc({ action: request.body.action })
      app.publicViews.changed()
      app.webhooks.kick()
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

  app.route<RouteTypes<'correctTriage'>>({
    ...app.contract.route('correctTriage'),
    handler: async (request, reply) => {
      const story = await correctTriage(app.db, request.principal!, request.params.id, request.headers['if-match'], request.body)
      reply.header('etag', etagFor(story))
      return toModerationStory(story)
    },
  })

  app.route<RouteTypes<'getTriageQuality'>>({
    ...app.contract.route('getTriageQuality'),
    handler: async (request) => {
      const { site, from, to } = request.query
      return await triageQuality(app.db, request.principal!, { site, from, to })
    },
  })

  app.route<RouteTypes<'triageText'>>({
    ...app.contract.route('triageText'),
    handler: async (request) => triage(request.body),
  })
}

export default moderation
