// Public reads that every visitor sees alike (a topic's stories, a story, its comments) are kept by
// each instance, serialized, for PUBLIC_CACHE_MS (1 s by default), and answered with an ETag. Under
// load a popular page is rendered about once a second per instance instead of once per visitor. The
// freshness rule is the tallies' rule: a change made through this instance shows at once (routes call
// `app.publicViews.changed()`), one made through another instance within the cache time.
//
// Written here rather than taken from a library: @fastify/caching and @fastify/etag set headers but
// keep no rendered responses, and an HTTP cache in front would not see this instance's invalidations.
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { LRUCache } from 'lru-cache'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this GET route's 200 answers per URL, as above. */
    publicCache?: boolean
  }
  interface FastifyInstance {
    publicViews: { changed: () => void }
  }
}

interface Rendered { body: string, etag: string, link: string | undefined }

const cacheable = (request: FastifyRequest): boolean => request.method === 'GET' && request.routeOptions.config.publicCache === true
const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`
const served = new WeakSet<FastifyRequest>()

/** Sends a rendered page, or 304 when the client already holds it. */
async function answer (request: FastifyRequest, reply: FastifyReply, page: Rendered) {
  reply.header('etag', page.etag)
  if (page.link) reply.header('link', page.link)
  if (request.headers['if-none-match'] === page.etag) return await reply.code(304).send()
  return await reply.type('application/json; charset=utf-8').send(page.body)
}

export default fp<{ ttlMs: number }>(async (app, { ttlMs }) => {
  const pages = ttlMs > 0 ? new LRUCache<string, Rendered>({ max: 5000, ttl: ttlMs }) : undefined
  app.decorate('publicViews', {
    changed: () => {
      pages?.clear()
      app.tallies.invalidate()
    },
  })

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return
    const page = pages?.get(request.url)
    if (!page) return
    served.add(request)
    return await answer(request, reply, page)
  })

  // Renders on a miss: the ETag goes on every answer; a 200 is kept when caching is on.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!cacheable(request) || served.has(request) || reply.statusCode !== 200 || typeof payload !== 'string') return payload
    const page: Rendered = { body: payload, etag: etagOf(payload), link: reply.getHeader('link') as string | undefined }
    pages?.set(request.url, page)
    reply.header('etag', page.etag)
    if (request.headers['if-none-match'] === page.etag) {
      reply.code(304)
      return ''
    }
    return payload
  })
}, { name: 'public-cache', dependencies: ['tallies'] })
