// The public API: no key; reads are loosely rate limited, writes tightly.
import type { FastifyPluginAsync } from 'fastify'
import comments from './comments.js'
import ratings from './ratings.js'
import readerRatings from './reader-ratings.js'
import stories from './stories.js'
import topics from './topics.js'

const publicRoutes: FastifyPluginAsync = async (app) => {
  await app.register(topics)
  await app.register(stories)
  await app.register(ratings)
  await app.register(comments)
  await app.register(readerRatings)
}

export default publicRoutes
