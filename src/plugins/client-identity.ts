// Gives every request `clientHash`: the keyed hash of its IP that limits and de-duplication use.
import fp from 'fastify-plugin'
import { clientHasher } from '../privacy/client-hash.js'

declare module 'fastify' {
  interface FastifyRequest {
    clientHash: string
  }
}

export default fp<{ secret: string | undefined }>(async (app, opts) => {
  if (!opts.secret) app.log.warn('IP_HASH_SECRET is not set: client hashes change on restart and differ between instances')
  const hash = clientHasher(opts.secret)
  app.decorateRequest('clientHash', '')
  app.addHook('onRequest', async (request) => {
    request.clientHash = hash(request.ip)
  })
}, { name: 'client-identity' })
