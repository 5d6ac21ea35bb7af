// The public tally of a topic: cacheable, with an ETag so unchanged counts answer 304 (see
// plugins/public-cache.ts); the counts come from the per-topic tallies cache.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'

const ratings: FastifyPluginAsync = async (app) => {
  app.route<RouteTypes<'getTopicRatings'>>({
    ...app.contract.route('getTopicRatings'),
    config: { publicCache: true },
    handler: async (request, reply) => {
      const topic = await app.topics.find(request.params.site, request.params.topic)
      reply.header('cache-control', 'public, max-age=5, stale-while-revalidate=30')
      return await app.tallies.get(topic.id)
    },
  })
}

export default ratings
