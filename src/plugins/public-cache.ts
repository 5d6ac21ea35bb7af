// Public reads that every visitor sees alike (a topic's tally and stories, a story, its comments) are kept by
// each instance, serialized, for PUBLIC_CACHE_MS (1 s by default), and answered with an ETag. Under
// load a popular page is rendered about once a second per instance instead of once per visitor. A
// committed change drops the pages it touched (its topic's, its own, its parent story's) on every
// instance at once (src/changes/after-commit.ts and bus.ts); the cache time bounds staleness only
// while the change notifications are down.
//
// Written here rather than taken from a library: @fastify/caching and @fastify/etag set headers but
// keep no rendered responses, and an HTTP cache in front would not see this instance's invalidations.
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { LRUCache } from 'lru-cache'
import type { Change } from '../changes/change.js'
import { etagOf, noneMatchHits } from '../http/etag.js'
import { hooksForRoutes } from './route-hooks.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this GET route's 200 answers per route, path and declared query parameters, as above. */
    publicCache?: boolean
  }
}

/** The rendered body, its ETag, the route's own headers that must come back with it, and what it shows. */
interface Rendered { body: string, etag: string, headers: Record<string, string>, shows: string }
const keptHeaders = ['link', 'cache-control'] as const

/** A GET that missed: its page's key, and how many drops had happened (a page rendered across a drop
 *  is not kept). A request without one was answered from the cache, or is not a GET. */
const misses = new WeakMap<FastifyRequest, { key: string, drops: number }>()

/** What a page shows, by its path: a topic's pages (`site`, `topic`) or an item's (`id`). */
function showsOf (params: unknown): string {
  const { site, topic, id } = params as { site?: string, topic?: string, id?: string }
  return id !== undefined ? `item:${id}` : `topic:${site ?? ''}/${topic ?? ''}`
}

/** The pages a change makes wrong: an item's topic pages (lists, tally), its own and its parent's. */
function touchedBy (change: Change): Set<string> {
  if (change.area !== 'item' || change.publicAt === null) return new Set()
  const { site, topic, id, parentId } = change.publicAt
  return new Set([`topic:${site}/${topic}`, `item:${id}`, ...(parentId ? [`item:${parentId}`] : [])])
}

/**
 * A page's key: the route, its path parameters and the query parameters the contract declares for
 * it, in a fixed order. Parameters the contract does not declare change nothing in the answer, so
 * they are left out: "?x=<random>" cannot make every request a miss and render afresh.
 */
function keyOf (request: FastifyRequest): string {
  const declared = Object.keys((request.routeOptions.schema?.querystring as { properties?: object } | undefined)?.properties ?? {}).sort()
  // The query as sent (validation later coerces it and adds defaults, so it differs between hooks).
  const at = request.url.indexOf('?')
  const query = new URLSearchParams(at === -1 ? '' : request.url.slice(at + 1))
  const asked = declared.filter((name) => query.has(name)).map((name) => [name, query.getAll(name)])
  return JSON.stringify([request.routeOptions.url, request.params, asked])
}

/** Sends a rendered page, or 304 when the client already holds it. */
async function answer (request: FastifyRequest, reply: FastifyReply, page: Rendered) {
  reply.header('etag', page.etag).headers(page.headers)
  if (noneMatchHits(request.headers['if-none-match'], page.etag)) return await reply.code(304).send()
  return await reply.type('application/json; charset=utf-8').send(page.body)
}

export default fp<{ ttlMs: number }>(async (app, { ttlMs }) => {
  const pages = ttlMs > 0 ? new LRUCache<string, Rendered>({ max: 5000, ttl: ttlMs }) : undefined
  let drops = 0
  app.store.caches.add({
    drop: (change) => {
      const touched = touchedBy(change)
      if (!pages || touched.size === 0) return
      drops++
      for (const [key, page] of pages.entries()) if (touched.has(page.shows)) pages.delete(key)
    },
    clear: () => { drops++; pages?.clear() },
  })

  async function serveKept (request: FastifyRequest, reply: FastifyReply) {
    if (request.method !== 'GET') return
    const key = keyOf(request)
    const page = pages?.get(key)
    if (!page) {
      misses.set(request, { key, drops })
      return
    }
    return await answer(request, reply, page)
  }

  // Renders on a miss: the ETag goes on every answer; a 200 is kept when caching is on.
  async function keep (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const miss = misses.get(request)
    if (miss === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload
    const headers = Object.fromEntries(keptHeaders.flatMap((name) => {
      const value = reply.getHeader(name)
      return value === undefined ? [] : [[name, String(value)]]
    }))
    const page: Rendered = { body: payload, etag: etagOf(payload), headers, shows: showsOf(request.params) }
    // Read before a change committed and sent after: may show the old state, so not kept.
    if (miss.drops === drops) pages?.set(miss.key, page)
    reply.header('etag', page.etag)
    if (noneMatchHits(request.headers['if-none-match'], page.etag)) {
      reply.code(304)
      return ''
    }
    return payload
  }

  hooksForRoutes(app, (config) => config.publicCache === true, { onRequest: serveKept, onSend: keep })
}, { name: 'public-cache', dependencies: ['store'] })
