// The calling key's own view of itself (any role): what a client such as the console may show.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'

const keys: FastifyPluginAsync = async (app) => {
  app.addHook('preParsing', app.requireRole(['admin', 'moderator', 'researcher']))

  app.route<RouteTypes<'getCurrentKey'>>({
    ...app.contract.route('getCurrentKey'),
    handler: async (request) => await app.store.keys.describe(request.principal!),
  })
}

export default keys
