// Bearer API-key authentication. Each route area adds `app.requireRole(...)` in its own context.
import type { onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import type { Role } from '../generated/prisma/enums.js'
import { findPrincipal, type Principal } from '../keys/api-keys.js'

declare module 'fastify' {
  interface FastifyInstance {
    requireRole: (roles: readonly Role[]) => onRequestHookHandler
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

export default fp(async (app) => {
  app.decorateRequest('principal', null)
  app.decorate('requireRole', (roles: readonly Role[]): onRequestHookHandler => async (request) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    const principal = match?.[1] ? await findPrincipal(app.db, match[1]) : null
    if (!principal) throw errors.unauthenticated()
    if (!roles.includes(principal.role)) throw errors.wrongRole(roles)
    request.principal = principal
  })
}, { name: 'auth', dependencies: ['database'] })
