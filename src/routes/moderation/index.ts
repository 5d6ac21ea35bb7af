// Moderation API: role moderator or admin, limited to the key's sites.
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { etagFor, toModerationStory, type ModerationRecord } from '../../moderation/moderation-story.js'

/** A story as moderators get it: its version as the ETag (for If-Match), its view as the body. */
function versioned (reply: FastifyReply, story: ModerationRecord) {
  reply.header('etag', etagFor(story))
  return toModerationStory(story)
}

const moderation: FastifyPluginAsync = async (app) => {
  app.addHook('preParsing', app.requireRole(['moderator', 'admin']))
  const { moderation } = app.store

  app.route<RouteTypes<'getModerationQueue'>>({
    ...app.contract.route('getModerationQueue'),
    handler: async (request) => {
      const { site, status, level, category, kind, overdue, escalated = false, limit = 20, cursor } = request.query
      return await moderation.queue(request.principal!, { site, status, level, category, kind, overdue, escalated, limit, cursor })
    },
  })

  app.route<RouteTypes<'getReaderRatingActivity'>>({
    ...app.contract.route('getReaderRatingActivity'),
    handler: async (request) => {
      const { site, hours = 24, flagged = false, limit = 20 } = request.query
      return await moderation.ratingActivity(request.principal!, { site, hours, flagged, limit })
    },
  })

  app.route<RouteTypes<'getModerationStory'>>({
    ...app.contract.route('getModerationStory'),
    handler: async (request, reply) => versioned(reply, await moderation.item(request.principal!, request.params.id)),
  })

  app.route<RouteTypes<'editStory'>>({
    ...app.contract.route('editStory'),
    handler: async (request, reply) => versioned(reply, await moderation.edit(request.principal!, request.params.id, request.headers['if-match'], request.body)),
  })

  app.route<RouteTypes<'claimStory'>>({
    ...app.contract.route('claimStory'),
    handler: async (request) => await moderation.claim(request.principal!, request.params.id),
  })

  app.route<RouteTypes<'releaseClaim'>>({
    ...app.contract.route('releaseClaim'),
    handler: async (request, reply) => {
      await moderation.release(request.principal!, request.params.id)
      return reply.code(204).send()
    },
  })

  app.route<RouteTypes<'decideStory'>>({
    ...app.contract.route('decideStory'),
    config: { idempotent: { about: 'path' } },
    handler: async (request, reply) => versioned(reply, await moderation.decide(request.principal!, request.params.id, request.headers['if-match'], request.body)),
  })

  app.route<RouteTypes<'getStoryHistory'>>({
    ...app.contract.route('getStoryHistory'),
    handler: async (request) => ({ items: await moderation.history(request.principal!, request.params.id) }),
  })

  app.route<RouteTypes<'correctTriage'>>({
    ...app.contract.route('correctTriage'),
    handler: async (request, reply) => versioned(reply, await moderation.correctTriage(request.principal!, request.params.id, request.headers['if-match'], request.body)),
  })

  app.route<RouteTypes<'getTriageQuality'>>({
    ...app.contract.route('getTriageQuality'),
    handler: async (request) => {
      const { site, from, to } = request.query
      return await moderation.triageQuality(request.principal!, { site, from, to })
    },
  })

  app.route<RouteTypes<'triageText'>>({
    ...app.contract.route('triageText'),
    handler: async (request) => await moderation.triageText(request.body),
  })
}

export default moderation
