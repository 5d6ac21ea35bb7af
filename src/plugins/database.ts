// Gives the app its Prisma client (one per app instance) and closes it with the app.
import fp from 'fastify-plugin'
import { createDb, type Db } from '../db/client.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
  }
}

export default fp<{ databaseUrl: string }>(async (app, opts) => {
  const db = createDb(opts.databaseUrl)
  app.decorate('db', db)
  app.addHook('onClose', async () => { await db.$disconnect() })
}, { name: 'database' })
