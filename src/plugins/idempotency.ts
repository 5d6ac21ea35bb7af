// Idempotency-Key for routes that opt in (`config: { idempotent: true }`): the first response to a
// key is stored and replayed for 24 hours; a different request under the same key is 422; a repeat
// while the first is still running is 409. Only 5xx answers are forgotten, so they can be retried.
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import { hooksForRoutes } from './route-hooks.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean
  }
  interface FastifyRequest {
    idempotency: { scope: string, key: string } | null
  }
}

const ttlMs = 24 * 3600 * 1000
const replayedHeaders = ['content-type', 'location', 'etag'] as const

function requestHash (request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${request.headers['if-match'] ?? ''}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex')
}

export default fp(async (app) => {
  app.decorateRequest('idempotency', null)

  async function claimOrReplay (request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers['idempotency-key']
    if (typeof key !== 'string') return
    const scope = `${request.routeOptions.url}|${request.principal?.keyId ?? request.clientHash}`
    const hash = requestHash(request)
    const claimed = await app.db.$executeRaw`
      INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (${scope}, ${key}, ${hash})
      ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now(),
        response_status = NULL, response_body = NULL, response_headers = NULL
      WHERE idempotency_keys.created_at < now() - make_interval(secs => ${ttlMs / 1000})`
    if (claimed === 1) {
      request.idempotency = { scope, key }
      return
    }
    const first = await app.db.idempotencyKey.findUniqueOrThrow({ where: { scope_key: { scope, key } } })
    if (first.requestHash !== hash) throw errors.idempotencyMismatch()
    if (first.responseStatus === null || first.responseBody === null) throw errors.idempotencyInProgress()
    const headers = (first.responseHeaders ?? {}) as Record<string, string>
    return reply.code(first.responseStatus).headers({ ...headers, 'idempotent-replayed': 'true' }).send(first.responseBody)
  }

  async function remember (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (!request.idempotency) return payload
    const { scope, key } = request.idempotency
    if (reply.statusCode >= 500) {
      await app.db.idempotencyKey.deleteMany({ where: { scope, key } })
      return payload
    }
    const headers = Object.fromEntries(replayedHeaders.flatMap((h) => {
      const value = reply.getHeader(h)
      return value === undefined ? [] : [[h, String(value)]]
    }))
    await app.db.idempotencyKey.update({
      where: { scope_key: { scope, key } },
      data: { responseStatus: reply.statusCode, responseBody: typeof payload === 'string' ? payload : '', responseHeaders: headers },
    })
    return payload
  }

  hooksForRoutes(app, (config) => config.idempotent === true, { preHandler: claimOrReplay, onSend: remember })
}, { name: 'idempotency', dependencies: ['database', 'client-identity'] })

/** Expired keys are reclaimed on reuse; this keeps the table small (see plugins/housekeeping.ts). */
export async function forgetExpiredKeys (db: import('../db/client.js').Db): Promise<number> {
  return (await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - ttlMs) } } })).count
}
