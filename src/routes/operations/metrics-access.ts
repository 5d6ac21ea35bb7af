// Who may read /metrics: a scraper on the same host (loopback, and not through a proxy), or anyone
// with METRICS_TOKEN as a bearer token. Metrics name routes, counts and process details, so they are
// not public.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import ipaddr from 'ipaddr.js'
import { errors } from '../../errors.js'

const digest = (value: string): Buffer => createHash('sha256').update(value).digest()

/** The client is this host: a proxy on loopback forwarding someone else adds X-Forwarded-For. */
function fromLoopback (request: FastifyRequest): boolean {
  if (request.headers['x-forwarded-for'] !== undefined || !ipaddr.isValid(request.ip)) return false
  return ipaddr.process(request.ip).range() === 'loopback'
}

function bearerMatches (request: FastifyRequest, token: string): boolean {
  const [scheme, sent] = (request.headers.authorization ?? '').split(' ')
  // Compared as digests: equal length, constant time.
  return scheme?.toLowerCase() === 'bearer' && sent !== undefined && timingSafeEqual(digest(sent), digest(token))
}

export function metricsAccess (token: string | undefined): onRequestAsyncHookHandler {
  return async (request) => {
    if (fromLoopback(request)) return
    if (token !== undefined && bearerMatches(request, token)) return
    throw errors.metricsForbidden()
  }
}
