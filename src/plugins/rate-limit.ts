// Rate limiting with @fastify/rate-limit, keyed on the client hash (never the IP). Reads (every route
// by default), writes and manage-token checks count separately; public writes are limited per client
// per site and, for submissions, comments and reader ratings, per site in total, with per-site
// overrides in the site's settings. A write names its site by slug, or by the story or comment it is
// about. With REDIS_URL the counters live in Redis,
// so every instance counts together; without it each instance counts on its own.
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { errors } from '../errors.js'

export interface AppLimits {
  /** Route config for public writes (`config: { rateLimit: app.limits.write }`): per client, per site. */
  write: RateLimitOptions
  /** preHandler hooks for submissions, comments and ratings: the site's total, after the visitor's own limit. Empty when limits are off. */
  siteWrite: preHandlerAsyncHookHandler[]
  /** preHandler hooks for routes that check a manage token: every attempt counts, right or wrong, so a
   *  guesser learns nothing once over the limit. Empty when limits are off. */
  manageToken: preHandlerAsyncHookHandler[]
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: AppLimits
  }
}

const window = 60_000
const defaultPerSite = 600
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Never limited: probes and scrapers often share one address, and a refused probe takes a healthy instance out of service. */
export const unlimitedPaths: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics'])

export default fp<{ config: Config }>(async (app, { config }) => {
  const { readsPerMinute, writesPerMinute } = config.rateLimit
  // The limiter runs before validation, so an id that is no uuid names no site.
  const siteOf = async (req: FastifyRequest): Promise<string> => {
    const { site, id } = req.params as { site?: string, id?: string }
    if (site !== undefined) return site
    if (id === undefined || !uuid.test(id)) return ''
    return await app.store.sites.siteOfItem(id)
  }
  // Kept per instance by the sites service, and dropped on every instance when the site changes.
  const siteLimits = async (slug: string) => {
    const limits = await app.store.sites.writeLimits(slug)
    return { perClient: limits.perClient ?? writesPerMinute, perSite: limits.perSite ?? defaultPerSite }
  }

  const limits: AppLimits = {
    write: {
      max: async (req) => (await siteLimits(await siteOf(req))).perClient,
      timeWindow: window,
      keyGenerator: async (req) => `w:${await siteOf(req)}:${req.clientHash}`,
    },
    siteWrite: [],
    manageToken: [],
  }
  app.decorate('limits', limits)
  if (!config.rateLimit.enabled) return

  // The store's Redis command connection, with REDIS_URL: the store closes it.
  const { redis } = app.store
  await app.register(rateLimit, {
    // Every route is limited as a read unless its config says otherwise (writes) or it is an
    // operations endpoint that monitoring must always reach.
    global: true,
    max: readsPerMinute,
    timeWindow: window,
    keyGenerator: (req) => `r:${req.clientHash}`,
    allowList: (req) => unlimitedPaths.has(req.routeOptions.url ?? ''),
    ...(redis ? { redis, nameSpace: 'candor:rl:' } : {}),
    // If Redis is unreachable, serve rather than refuse everyone.
    skipOnError: true,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => errors.rateLimited(Math.ceil(context.ttl / 1000)),
  })
  // A second limit on one route: @fastify/rate-limit runs one limiter per request, so the site's
  // total is checked here with its lower-level checker.
  const siteTotal = app.createRateLimit({
    max: async (req) => (await siteLimits(await siteOf(req))).perSite,
    timeWindow: window,
    keyGenerator: async (req) => `site:${await siteOf(req)}`,
    skipOnError: true,
  })
  const tokenChecks = app.createRateLimit({
    max: config.rateLimit.tokenChecksPerMinute,
    timeWindow: window,
    keyGenerator: (req) => `mt:${req.clientHash}`,
    skipOnError: true,
  })
  const refuseOver = (check: typeof siteTotal): preHandlerAsyncHookHandler => async (req) => {
    const result = await check(req)
    if (result.isAllowed || !result.isExceeded) return
    throw errors.rateLimited(result.ttlInSeconds)
  }
  limits.siteWrite.push(refuseOver(siteTotal))
  limits.manageToken.push(refuseOver(tokenChecks))
  // The IETF draft's policy header, next to the RateLimit-* headers the plugin sets.
  app.addHook('onSend', async (_request, reply, payload) => {
    const limit = reply.getHeader('ratelimit-limit')
    if (limit !== undefined) reply.header('ratelimit-policy', `${String(limit)};w=${window / 1000}`)
    return payload
  })
}, { name: 'rate-limit', dependencies: ['store', 'client-identity'] })
