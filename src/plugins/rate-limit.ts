// Rate limiting with @fastify/rate-limit: per client IP, opted into per route (see routes/*/index.ts).
// With REDIS_URL the counters live in Redis, so every instance counts together; otherwise per instance.
import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import { Redis } from 'ioredis'
import type { Config } from '../config.js'
import { errors } from '../errors.js'

export interface RateLimits {
  read: { max: number, timeWindow: number }
  write: { max: number, timeWindow: number }
}

export function rateLimitsFrom (config: Config): RateLimits {
  return {
    read: { max: config.rateLimit.readsPerMinute, timeWindow: 60_000 },
    write: { max: config.rateLimit.writesPerMinute, timeWindow: 60_000 },
  }
}

export default fp<{ config: Config }>(async (app, { config }) => {
  if (!config.rateLimit.enabled) return
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 }) : undefined
  if (redis) app.addHook('onClose', async () => { await redis.quit() })
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'candor:rl:' } : {}),
    // If Redis is unreachable, serve rather than refuse everyone.
    skipOnError: true,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => errors.rateLimited(Math.ceil(context.ttl / 1000)),
  })
}, { name: 'rate-limit' })
