// Readers' comments on a story: list approved, submit (into the same moderation as stories), report, withdraw; the author's view and edit.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { reportAndWithdrawRoutes, sendReceipt } from './item-routes.js'
import { ownItemRoutes } from './manage.js'

const comments: FastifyPluginAsync = async (app) => {
  const { limits } = app
  const { comments } = app.store
  app.route<RouteTypes<'listComments'>>({
    ...app.contract.route('listComments'),
    config: { publicCache: true },
    handler: async (request, reply) => {
      const { id } = request.params
      const { limit = 20, cursor } = request.query
      const page = await comments.list(id, { limit, cursor })
      if (page.nextCursor) {
        const next = new URLSearchParams({ limit: String(limit), cursor: page.nextCursor })
        reply.header('link', `</v1/stories/${id}/comments?${next.toString()}>; rel="next"`)
      }
      return page
    },
  })

  app.route<RouteTypes<'submitComment'>>({
    ...app.contract.route('submitComment'),
    config: { rateLimit: limits.write, idempotent: { about: 'created' } },
    preHandler: limits.siteWrite,
    handler: async (request, reply) => sendReceipt(reply, '/v1/comments', await comments.submit(request.params.id, request.body, request.clientHash)),
  })

  reportAndWithdrawRoutes(app, comments, { report: 'reportComment', withdraw: 'withdrawComment' })
  ownItemRoutes(app, comments, { view: 'getOwnComment', edit: 'editOwnComment' })
}

export default comments
