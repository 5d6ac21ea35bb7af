// Carries committed changes between the instances that share a database, so each drops the cache
// entries a change on another made wrong. PostgreSQL LISTEN/NOTIFY by default (every instance has it),
// Redis pub/sub when REDIS_URL is set. While the connection is down the caches' TTLs bound staleness;
// on reconnecting, every cache is dropped, since changes may have been missed meanwhile.
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Redis } from 'ioredis'
import type pg from 'pg'
import { databaseName } from '../store/pools.js'
import type { Change } from './change.js'
import { pgAnnounce, pgTransport } from './pg-transport.js'
import { redisAnnounce, redisTransport } from './redis-transport.js'

/** Delivers messages on the channel, and says when it reconnected after losing its connection. */
export interface Transport {
  start: () => Promise<void>
  publish: (message: string) => Promise<void>
  stop: () => Promise<void>
}

export interface TransportHandlers {
  log: FastifyBaseLogger
  onMessage: (message: string) => void
  /** Called on reconnecting: messages sent meanwhile were lost. */
  onResync: () => void
}

export interface BusOptions {
  databaseUrl: string
  /** With REDIS_URL: its URL, and the instance's command connection to publish on. */
  redis: { url: string, commands: Redis } | undefined
  /** Publishes NOTIFY through the instance's pool: no extra connection per change. */
  pool: pg.Pool
  log: FastifyBaseLogger
  /** What this instance does with another's change, and after a gap. */
  drop: (change: Change) => void
  clear: () => void
}

export interface Bus {
  start: () => Promise<void>
  publish: (change: Change) => void
  stop: () => Promise<void>
}

export function changeBus (opts: BusOptions): Bus {
  // Every listener hears its own notifications too; the sender has already dropped its entries.
  const instance = randomUUID()
  const handlers: TransportHandlers = {
    log: opts.log,
    onMessage: (message) => {
      try {
        const { from, change } = JSON.parse(message) as { from: string, change: Change }
        if (from !== instance) opts.drop(change)
      } catch (err) {
        opts.log.warn({ err }, 'ignored a malformed change notification')
      }
    },
    onResync: opts.clear,
  }
  const transport = opts.redis
    ? redisTransport(opts.redis.url, opts.redis.commands, databaseName(opts.databaseUrl), handlers)
    : pgTransport(opts.databaseUrl, opts.pool, handlers)
  return {
    start: transport.start,
    publish: (change) => {
      transport.publish(JSON.stringify({ from: instance, change })).catch((err: unknown) => {
        opts.log.warn({ err }, 'could not publish a change to other instances; their caches expire on their TTLs')
      })
    },
    stop: transport.stop,
  }
}

/**
 * Tells the running instances about a change made outside them (the operator CLI revoking a key), over
 * the transport they listen on, so it holds on each at once rather than when its cache expires.
 */
export async function announceChange ({ databaseUrl, redisUrl }: { databaseUrl: string, redisUrl: string | undefined }, change: Change): Promise<void> {
  const message = JSON.stringify({ from: `cli-${randomUUID()}`, change })
  if (redisUrl) await redisAnnounce(redisUrl, databaseName(databaseUrl), message)
  else await pgAnnounce(databaseUrl, message)
}
