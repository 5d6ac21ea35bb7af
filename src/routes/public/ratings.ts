// The public tally of a topic, read in O(1) from the trigger-kept topic_counts; kept per instance for
// PUBLIC_CACHE_MS with an ETag, so unchanged counts answer 304 (see plugins/public-cache.ts).
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'

const ratings: FastifyPluginAsync = async (app) => {
  app.route<RouteTypes<'getTopicRatings'>>({
    ...app.contract.route('getTopicRatings'),
    config: { publicCache: true },
    handler: async (request, reply) => {
      const topic = await app.store.sites.topic(request.params.site, request.params.topic)
      reply.header('cache-control', 'public, max-age=5, stale-while-revalidate=30')
      return await app.store.stories.tally(topic.id)
    },
  })
}

export default ratings
