// The connections one app instance owns, and the one place that says which queries skip Prisma and
// why. Services (src/store/*-service.ts) choose the driver; routes and domain functions never hold both.
//
// Prisma (`db`) for most work. The same pg pool under it (`pool`) where Prisma was measured too slow:
// - submissions (items/submit.ts) run as a plain pg transaction: Prisma's interactive transactions
//   took about 3.5 times as long as the same statements (367 vs 1,313 transactions/s, 10 connections,
//   the submit benchmark);
// - the public list, a story by id and the moderation queue run as named prepared statements
//   (db/prepared.ts): PostgreSQL plans each once per connection, while Prisma's raw queries are
//   unnamed and planned on every call; for the queue at 1,000,000 stories, planning took 0.6–0.8 ms of
//   the 1 ms each call cost the server.
// The research export (`exportPool`) holds a connection for its whole length, so it gets a small pool
// of its own, apart from the one requests share.
import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'
import { createDatabase, type Db } from '../db/client.js'

export interface Pools {
  db: Db
  pool: pg.Pool
  exportPool: pg.Pool
  close: () => Promise<void>
}

export function openPools (databaseUrl: string, log: FastifyBaseLogger): Pools {
  const { db, pool } = createDatabase(databaseUrl)
  const exportPool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 2000, application_name: 'candor-research-export' })
  // An idle connection the server ends (restart, failover) is dropped by the pool; without a listener it would crash the process.
  exportPool.on('error', (err) => { log.warn({ err: err.message }, 'research export connection lost') })
  return {
    db,
    pool,
    exportPool,
    // Prisma ends `pool` on $disconnect.
    close: async () => { await Promise.all([db.$disconnect(), exportPool.end()]) },
  }
}
