// The public API: no key; reads are loosely rate limited, writes tightly.
import type { FastifyPluginAsync } from 'fastify'
import ratings from './ratings.js'
import stories from './stories.js'
import topics from './topics.js'

const publicRoutes: FastifyPluginAsync = async (app) => {
  await app.register(topics)
  await app.register(stories)
  await app.register(ratings)
}

export default publicRoutes
