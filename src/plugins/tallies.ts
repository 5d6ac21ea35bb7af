// The public tallies, cached per instance for one second: under load the database sees one query per
// topic per second, no instance shows a tally more than a second older than a decision made elsewhere,
// and a decision made on this instance shows at once (the write routes call `invalidate`).
import fp from 'fastify-plugin'
import { topicRatings } from '../ratings/topic-ratings.js'
import { ttlCache } from '../sites/ttl-cache.js'

type Tally = Awaited<ReturnType<typeof topicRatings>>

declare module 'fastify' {
  interface FastifyInstance {
    tallies: { get: (topicId: string) => Promise<Tally>, invalidate: () => void }
  }
}

export default fp(async (app) => {
  const cache = ttlCache<string, Tally>(1000)
  app.decorate('tallies', {
    get: async (topicId: string) => await cache.get(topicId, () => topicRatings(app.db, topicId)),
    invalidate: cache.clear,
  })
}, { name: 'tallies', dependencies: ['database'] })
