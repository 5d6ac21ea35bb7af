// CORS for the public API, per site: reads from any origin; writes (submit, rate, comment, report, withdraw, an author's edit) only
// from the site's allowed origins. A write that names a foreign Origin is refused outright, since
// browsers only send one when a page on that origin made it. Moderation and admin get no CORS.
import cors, { type FastifyCorsOptions } from '@fastify/cors'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'

const exposedHeaders = ['etag', 'link', 'location', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy', 'idempotent-replayed']
const allowedHeaders = ['content-type', 'idempotency-key', 'x-manage-token', 'if-none-match', 'if-match']
const base: FastifyCorsOptions = { exposedHeaders, allowedHeaders, methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'], maxAge: 600 }

const sitePath = /^\/v1\/sites\/([a-z0-9-]+)\//
/** A story's or a comment's paths: both are rows of `stories`, so the id finds the site either way. */
const storyPath = /^\/v1\/(?:stories|comments)\/([0-9a-f-]{36})(?:\/|$)/i

export default fp(async (app) => {
  // Kept per instance by the sites service, and dropped on every instance when the site changes.
  async function allowedWriteOrigins (path: string): Promise<string[]> {
    const site = sitePath.exec(path)?.[1]
    if (site) return await app.store.sites.writeOrigins({ slug: site })
    const item = storyPath.exec(path)?.[1]
    return item ? await app.store.sites.writeOrigins({ itemId: item }) : []
  }

  await app.register(cors, {
    hook: 'onRequest',
    delegator: async (req: FastifyRequest): Promise<FastifyCorsOptions> => {
      const origin = req.headers.origin
      const path = req.url.split('?')[0] ?? ''
      if (!origin || !(sitePath.test(path) || storyPath.test(path))) return { ...base, origin: false }
      const preflight = req.method === 'OPTIONS'
      const method = preflight ? String(req.headers['access-control-request-method'] ?? 'GET').toUpperCase() : req.method
      if (method === 'GET' || method === 'HEAD') return { ...base, origin: '*' }
      // Pages served by this API itself (the widget demo) are same-origin, not cross-site.
      const sameOrigin = origin === `${req.protocol}://${req.host}`
      if (sameOrigin || (await allowedWriteOrigins(path)).includes(origin)) return { ...base, origin }
      if (!preflight) throw errors.originNotAllowed(origin)
      return { ...base, origin: false }
    },
  })
}, { name: 'cors', dependencies: ['store'] })
