// The public tally of a topic: cacheable, with an ETag so unchanged counts answer 304.
import etag from '@fastify/etag'
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { topicRatings } from '../../ratings/topic-ratings.js'
import { findTopic } from '../../sites/sites.js'

const ratings: FastifyPluginAsync = async (app) => {
  await app.register(etag)
  app.route<RouteTypes<'getTopicRatings'>>({
    ...app.contract.route('getTopicRatings'),
    handler: async (request, reply) => {
      const topic = await findTopic(app.db, request.params.site, request.params.topic)
      reply.header('cache-control', 'public, max-age=5, stale-while-revalidate=30')
      return await topicRatings(app.db, topic.id)
    },
  })
}

export default ratings
