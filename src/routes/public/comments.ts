// Readers' comments on a story: list approved, submit (into the same moderation as stories), report, withdraw.
import type { FastifyPluginAsync } from 'fastify'
import { listComments, submitComment } from '../../comments/comments.js'
import type { RouteTypes } from '../../contract/types.js'
import { report } from '../../reports/reports.js'
import { withdraw } from '../../stories/withdraw.js'
import { receiveSubmission } from './submissions.js'

const comments: FastifyPluginAsync = async (app) => {
  const { limits } = app
  app.route<RouteTypes<'listComments'>>({
    ...app.contract.route('listComments'),
    config: { publicCache: true },
    handler: async (request, reply) => {
      const { id } = request.params
      const { limit = 20, cursor } = request.query
      const page = await listComments(app.db, id, { limit, cursor })
      if (page.nextCursor) {
        const next = new URLSearchParams({ limit: String(limit), cursor: page.nextCursor })
        reply.header('link', `</v1/stories/${id}/comments?${next.toString()}>; rel="next"`)
      }
      return page
    },
  })

  app.route<RouteTypes<'submitComment'>>({
    ...app.contract.route('submitComment'),
    config: { rateLimit: limits.write, idempotent: true },
    handler: async (request, reply) => await receiveSubmission(app, reply, '/v1/comments', request.body,
      async () => await submitComment(app.db, app.pool, request.params.id, request.body, request.clientHash)),
  })

  app.route<RouteTypes<'reportComment'>>({
    ...app.contract.route('reportComment'),
    config: { rateLimit: limits.write, idempotent: true },
    handler: async (request, reply) => {
      await report(app.db, 'comment', request.params.id, request.clientHash, request.body)
      app.webhooks.kick()
      return reply.code(202).send({ status: 'received' })
    },
  })

  app.route<RouteTypes<'withdrawComment'>>({
    ...app.contract.route('withdrawComment'),
    config: { rateLimit: limits.write },
    handler: async (request, reply) => {
      await withdraw(app.db, 'comment', request.params.id, request.headers['x-manage-token'])
      app.publicViews.changed()
      return reply.code(204).send()
    },
  })
}

export default comments
