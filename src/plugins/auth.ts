// Bearer API-key authentication. Each route area adds `app.requireRole(...)` as a preParsing hook in its
// own context: after the rate limiter (a route-level onRequest hook, which runs after every context's
// onRequest hooks), so requests without a valid key are counted and limited like the rest, and before
// the body is read.
// Keys are looked up by hash and remembered per instance (the keys service, src/store/keys-service.ts),
// so a moderator's client does not cost a database round trip per call. A revocation through any
// instance's API, or with `npm run cli -- keys revoke`, reaches every instance's cache at once.
import type { preParsingAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import type { Role } from '../generated/prisma/enums.js'
import type { Principal } from '../keys/api-keys.js'

declare module 'fastify' {
  interface FastifyInstance {
    requireRole: (roles: readonly Role[]) => preParsingAsyncHookHandler
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

export default fp(async (app) => {
  app.decorateRequest('principal', null)
  app.decorate('requireRole', (roles: readonly Role[]): preParsingAsyncHookHandler => async (request) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
    const principal = token ? await app.store.keys.principal(token) : null
    if (!principal) throw errors.unauthenticated()
    if (!roles.includes(principal.role)) throw errors.wrongRole(roles)
    request.principal = principal
  })
}, { name: 'auth', dependencies: ['store'] })
