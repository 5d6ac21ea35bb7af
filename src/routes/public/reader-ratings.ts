// A reader rates how helpful a story was: one rating per visitor, a repeat replaces it.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'

const readerRatings: FastifyPluginAsync = async (app) => {
  app.route<RouteTypes<'rateStory'>>({
    ...app.contract.route('rateStory'),
    config: { rateLimit: app.limits.write },
    preHandler: app.limits.siteWrite,
    handler: async (request, reply) => {
      const rater = { clientHash: request.clientHash, networkHash: request.networkHash }
      const { created, ...receipt } = await app.store.stories.rate(request.params.id, rater, request.body.stars)
      return reply.code(created ? 201 : 200).send(receipt)
    },
  })
}

export default readerRatings
