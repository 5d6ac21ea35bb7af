// Rate limiting with @fastify/rate-limit, keyed on the client hash (never the IP). Reads and writes
// count separately; public writes are limited per client per site and, for submissions, per site in
// total, with per-site overrides in the site's settings. With REDIS_URL the counters live in Redis,
// so every instance counts together; without it each instance counts on its own.
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyRequest, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { Redis } from 'ioredis'
import type { Config } from '../config.js'
import { errors } from '../errors.js'
import { siteSettings } from '../sites/sites.js'

export interface AppLimits {
  /** Route config for reads (`config: { rateLimit: app.limits.read }`). */
  read: RateLimitOptions
  /** Route config for public writes: per client, per site. */
  write: RateLimitOptions
  /** Extra onRequest hooks for submissions: the site's total. Empty when limits are off. */
  siteWrite: onRequestHookHandler[]
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: AppLimits
  }
}

const window = 60_000
const defaultPerSite = 600
const siteParam = (req: FastifyRequest): string => (req.params as { site?: string }).site ?? ''

export default fp<{ config: Config }>(async (app, { config }) => {
  const { readsPerMinute, writesPerMinute } = config.rateLimit
  // Site limits are read from the database at most every 30 s per site.
  const cache = new Map<string, { at: number, perClient: number, perSite: number }>()
  async function siteLimits (slug: string) {
    const hit = cache.get(slug)
    if (hit && Date.now() - hit.at < 30_000) return hit
    const site = slug ? await app.db.site.findUnique({ where: { slug }, select: { settings: true } }) : null
    const limits = site ? siteSettings(site.settings).rateLimits : {}
    const entry = { at: Date.now(), perClient: limits.perClient ?? writesPerMinute, perSite: limits.perSite ?? defaultPerSite }
    cache.set(slug, entry)
    return entry
  }

  const limits: AppLimits = {
    read: { max: readsPerMinute, timeWindow: window, keyGenerator: (req) => `r:${req.clientHash}` },
    write: {
      max: async (req) => (await siteLimits(siteParam(req))).perClient,
      timeWindow: window,
      keyGenerator: (req) => `w:${siteParam(req)}:${req.clientHash}`,
    },
    siteWrite: [],
  }
  app.decorate('limits', limits)
  if (!config.rateLimit.enabled) return

  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined
  if (redis) {
    redis.on('error', (err) => { app.log.warn({ err: err.message }, 'redis unavailable; rate limits are skipped meanwhile') })
    app.addHook('onClose', async () => { await redis.quit().catch(() => {}) })
  }
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'candor:rl:' } : {}),
    // If Redis is unreachable, serve rather than refuse everyone.
    skipOnError: true,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => errors.rateLimited(Math.ceil(context.ttl / 1000)),
  })
  limits.siteWrite.push(app.rateLimit({
    max: async (req) => (await siteLimits(siteParam(req))).perSite,
    timeWindow: window,
    keyGenerator: (req) => `site:${siteParam(req)}`,
  }) as onRequestHookHandler)
  // The IETF draft's policy header, next to the RateLimit-* headers the plugin sets.
  app.addHook('onSend', async (_request, reply, payload) => {
    const limit = reply.getHeader('ratelimit-limit')
    if (limit !== undefined) reply.header('ratelimit-policy', `${String(limit)};w=${window / 1000}`)
    return payload
  })
}, { name: 'rate-limit', dependencies: ['database', 'client-identity'] })
