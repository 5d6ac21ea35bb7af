// Change notifications over Redis pub/sub (when REDIS_URL is set). Messages are published on the
// instance's Redis command connection (store/pools.ts); the subscriber is a connection of its own (a
// subscribed connection can do nothing else): ioredis reconnects it with backoff and subscribes
// again, and every reconnection after the first asks for a resync.
import { Redis } from 'ioredis'
import { closeRedis, redisRetry } from '../store/pools.js'
import type { Transport, TransportHandlers } from './bus.js'

const channelOf = (database: string): string => `candor:changes:${database}`

/** One message to every subscribed instance, from a process that does not subscribe (the CLI). */
export async function redisAnnounce (url: string, database: string, message: string): Promise<void> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false })
  try {
    await publisher.connect()
    await publisher.publish(channelOf(database), message)
  } finally {
    // Also when Redis is away, so that no connection is left reconnecting.
    await closeRedis(publisher)
  }
}

/** `database` names the database the instances share: one Redis may serve several installations;
 *  `publisher` is the instance's command connection, which the store owns and closes. */
export function redisTransport (url: string, publisher: Redis, database: string, { log, onMessage, onResync }: TransportHandlers): Transport {
  const channel = channelOf(database)
  const subscriber = new Redis(url, { lazyConnect: true, retryStrategy: redisRetry, maxRetriesPerRequest: null, connectionName: `candor-changes-${database}` })
  let readyBefore = false
  // Subscribed once, on the first connection that succeeds (Redis may be down when the instance starts);
  // ioredis subscribes again by itself on every later reconnection.
  let subscribed: Promise<unknown> | undefined
  const subscribe = async (): Promise<unknown> => {
    subscribed ??= subscriber.subscribe(channel).catch((err: Error) => {
      subscribed = undefined
      log.warn({ err: err.message }, 'change notifications not subscribed yet')
    })
    return await subscribed
  }
  subscriber.on('message', (from: string, message: string) => { if (from === channel) onMessage(message) })
  subscriber.on('ready', () => {
    if (readyBefore) {
      log.info('change notifications reconnected; caches dropped')
      onResync()
    }
    readyBefore = true
    void subscribe()
  })
  subscriber.on('close', () => { if (readyBefore) log.warn('change notifications lost; caches fall back to their TTLs until reconnected') })
  subscriber.on('error', (err) => { log.warn({ err: err.message }, 'redis (change notifications) unavailable') })

  return {
    start: async () => {
      try {
        await subscriber.connect()
        await subscribe()
      } catch (err) {
        // ioredis keeps trying; until then the TTLs hold.
        log.warn({ err: (err as Error).message }, 'change notifications not connected yet')
      }
    },
    publish: async (message) => { await publisher.publish(channel, message) },
    stop: async () => {
      await closeRedis(subscriber)
    },
  }
}
