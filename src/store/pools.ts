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
// With REDIS_URL, one Redis command connection (`redis`) serves the rate limiter's counters and the
// change bus's publishing; the bus's subscriber is a connection of its own (a subscribed connection
// can do nothing else; changes/redis-transport.ts).
import type { FastifyBaseLogger } from 'fastify'
import { Redis } from 'ioredis'
import pg from 'pg'
import { createDatabase, type Db } from '../db/client.js'

export interface Pools {
  db: Db
  pool: pg.Pool
  exportPool: pg.Pool
  redis: Redis | undefined
  close: () => Promise<void>
}

/** The name of the database the instances share, which names their Redis connections and channel. */
export const databaseName = (databaseUrl: string): string => new URL(databaseUrl).pathname.slice(1) || 'postgres'

/** Close a Redis connection: politely when Redis is there; when it is not, QUIT cannot be sent and
 *  ioredis would go on reconnecting (keeping the process alive), so the connection is dropped. */
export async function closeRedis (connection: Redis): Promise<void> {
  await connection.quit().catch(() => { connection.disconnect() })
}

/** Reconnecting to Redis: 100 ms, doubling, at most every 5 s. */
export const redisRetry = (times: number): number => Math.min(100 * 2 ** (times - 1), 5_000)

export function openPools (databaseUrl: string, redisUrl: string | undefined, log: FastifyBaseLogger): Pools {
  const { db, pool } = createDatabase(databaseUrl)
  const exportPool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 2000, application_name: 'candor-research-export' })
  // An idle connection the server ends (restart, failover) is dropped by the pool; without a listener it would crash the process.
  exportPool.on('error', (err) => { log.warn({ err: err.message }, 'research export connection lost') })
  // Commands fail at once while Redis is away (no offline queue): rate limits are skipped and changes
  // left unannounced rather than requests held up; ioredis reconnects meanwhile.
  const redis = redisUrl === undefined
    ? undefined
    : new Redis(redisUrl, { retryStrategy: redisRetry, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: `candor-commands-${databaseName(databaseUrl)}` })
  redis?.on('error', (err) => { log.warn({ err: err.message }, 'redis unavailable: rate limits are skipped and changes unannounced meanwhile') })
  return {
    db,
    pool,
    exportPool,
    redis,
    // Prisma ends `pool` on $disconnect.
    close: async () => { await Promise.all([db.$disconnect(), exportPool.end(), redis === undefined ? undefined : closeRedis(redis)]) },
  }
}
