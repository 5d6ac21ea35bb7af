// Gives the app its database access (one per app instance) and closes it with the app: `app.db`
// (Prisma) and `app.pool`, the pg pool under it, for prepared hot reads (src/db/prepared.ts).
import fp from 'fastify-plugin'
import type pg from 'pg'
import { createDatabase, type Db } from '../db/client.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    pool: pg.Pool
  }
}

export default fp<{ databaseUrl: string }>(async (app, opts) => {
  const { db, pool } = createDatabase(opts.databaseUrl)
  app.decorate('db', db)
  app.decorate('pool', pool)
  app.addHook('onClose', async () => { await db.$disconnect() })
}, { name: 'database' })
