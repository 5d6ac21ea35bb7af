// Gives every request `clientHash`, the keyed hash of its IPv4 address or IPv6 /64 that limits,
// one-rating-per-visitor and de-duplication use, and `networkHash`, the keyed hash of its network
// that reader-rating manipulation checks use.
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { clientHasher, clientOf, networkOf } from '../privacy/client-hash.js'

declare module 'fastify' {
  interface FastifyRequest {
    readonly clientHash: string
    readonly networkHash: string
  }
}

export default fp<{ secret: string | undefined }>(async (app, opts) => {
  if (!opts.secret) app.log.warn('IP_HASH_SECRET is not set: client hashes change on restart and differ between instances')
  const hash = clientHasher(opts.secret)
  // Computed when asked for (writes and rate-limited routes), not on every request.
  app.decorateRequest('clientHash', { getter (this: FastifyRequest) { return hash(clientOf(this.ip)) } })
  app.decorateRequest('networkHash', { getter (this: FastifyRequest) { return hash(`network:${networkOf(this.ip)}`) } })
}, { name: 'client-identity' })
