// The public API: no key; reads are loosely rate limited, writes tightly.
import type { FastifyPluginAsync } from 'fastify'
import ratings from './ratings.js'
import stories from './stories.js'
import topics from './topics.js'

const publicRoutes: FastifyPluginAsync = async (app) => {
  // Every public route is limited as a read unless it says otherwise.
  app.addHook('onRoute', (route) => {
    route.config = { rateLimit: app.limits.read, ...route.config }
  })
  await app.register(topics)
  await app.register(stories)
  await app.register(ratings)
}

export default publicRoutes
