// The author's routes for their own story or comment, with its manage token: `GET …/manage` (the view,
// a read) and `PATCH …/manage` (edit while pending, a write). Both count as manage-token checks.
import type { FastifyInstance } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { etagFor } from '../../http/etag.js'
import type { ItemService } from '../../store/store.js'

export function ownItemRoutes (app: FastifyInstance, items: ItemService, ops: { view: 'getOwnStory' | 'getOwnComment', edit: 'editOwnStory' | 'editOwnComment' }): void {
  const { limits } = app
  // The two kinds' operations share parameters and answers; a comment's edit body is a story's subset.
  app.route<RouteTypes<'getOwnStory'>>({
    ...app.contract.route(ops.view),
    preHandler: limits.manageToken,
    handler: async (request, reply) => {
      const { item, view } = await items.ownView(request.params.id, request.headers['x-manage-token'])
      reply.header('etag', etagFor(item)).header('cache-control', 'no-store')
      return view
    },
  })

  app.route<RouteTypes<'editOwnStory'>>({
    ...app.contract.route(ops.edit),
    config: { rateLimit: limits.write },
    preHandler: limits.manageToken,
    handler: async (request, reply) => {
      const { item, view, support } = await items.ownEdit(request.params.id, request.headers['x-manage-token'], request.headers['if-match'], request.body)
      reply.header('etag', etagFor(item)).header('cache-control', 'no-store')
      return { ...view, ...(support ? { support } : {}) }
    },
  })
}
