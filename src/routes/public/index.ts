// The public API: no key; reads are loosely rate limited, writes tightly.
import type { FastifyPluginAsync } from 'fastify'
import { findTopic } from '../../sites/sites.js'
import { ttlCache } from '../../sites/ttl-cache.js'
import comments from './comments.js'
import ratings from './ratings.js'
import readerRatings from './reader-ratings.js'
import stories from './stories.js'
import topics from './topics.js'

declare module 'fastify' {
  interface FastifyInstance {
    topics: { find: (site: string, topic: string) => ReturnType<typeof findTopic> }
  }
}

const publicRoutes: FastifyPluginAsync = async (app) => {
  // Topic lookups are on every public request; they change rarely, so each instance keeps them 10 s.
  const cache = ttlCache<string, Awaited<ReturnType<typeof findTopic>>>(10_000)
  app.decorate('topics', { find: async (site: string, topic: string) => await cache.get(`${site}/${topic}`, () => findTopic(app.db, site, topic)) })
  await app.register(topics)
  await app.register(stories)
  await app.register(ratings)
  await app.register(comments)
  await app.register(readerRatings)
}

export default publicRoutes
