// Bearer API-key authentication. Each route area adds `app.requireRole(...)` as a preParsing hook in its
// own context: after the rate limiter (a route-level onRequest hook, which runs after every context's
// onRequest hooks), so requests without a valid key are counted and limited like the rest, and before
// the body is read.
// Keys are looked up by hash and remembered for 5 seconds per instance, so a moderator's client does
// not cost a database round trip per call. A revocation through this instance's API takes effect at
// once (`app.principals.forget`); one made elsewhere (another instance, the CLI) within 5 seconds.
import type { preParsingAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import type { Role } from '../generated/prisma/enums.js'
import { findPrincipal, type Principal } from '../keys/api-keys.js'
import { hashSecret } from '../keys/tokens.js'
import { ttlCache } from '../sites/ttl-cache.js'

declare module 'fastify' {
  interface FastifyInstance {
    requireRole: (roles: readonly Role[]) => preParsingAsyncHookHandler
    principals: { forget: () => void }
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

export const principalTtlMs = 5_000

export default fp(async (app) => {
  // Keyed by the key's hash, never the key; unknown keys are remembered too, so guessing costs no queries.
  const principals = ttlCache<string, Principal | null>(principalTtlMs)
  app.decorate('principals', { forget: principals.clear })
  app.decorateRequest('principal', null)
  app.decorate('requireRole', (roles: readonly Role[]): preParsingAsyncHookHandler => async (request) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
    const principal = token ? await principals.get(hashSecret(token), async () => await findPrincipal(app.db, token)) : null
    if (!principal) throw errors.unauthenticated()
    if (!roles.includes(principal.role)) throw errors.wrongRole(roles)
    request.principal = principal
  })
}, { name: 'auth', dependencies: ['database'] })
