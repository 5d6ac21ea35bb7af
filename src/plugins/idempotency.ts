// Idempotency-Key for routes that opt in (`config: { idempotent: { about } }`): the first response to
// a key is stored and replayed for 24 hours; a different request under the same key is 422; a repeat
// while the first is still running is 409; once the item the request is `about` is withdrawn or
// erased, 410. Only 5xx answers are forgotten, so they can be retried. The key is stored only as a
// hash and the answer only sealed under a key the client alone can derive (src/idempotency/seal.ts).
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import type { AnswerKey } from '../idempotency/answers.js'
import { keyHash, requestSecrets, seal, unseal } from '../idempotency/seal.js'
import { hooksForRoutes } from './route-hooks.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `about`: the item whose erasure erases the stored answer: the one the path names (`path`,
     * `:id`), or the one the request created (`created`, the `id` of a 201 body).
     */
    idempotent?: { about: 'path' | 'created' }
  }
  interface FastifyRequest {
    idempotency: (AnswerKey & { sealingKey: Buffer }) | null
  }
}

const replayedHeaders = ['content-type', 'location', 'etag'] as const

const requestText = (request: FastifyRequest): string =>
  `${request.method} ${request.url}\n${request.headers['if-match'] ?? ''}\n${JSON.stringify(request.body ?? null)}`

const pathId = (request: FastifyRequest): string | null => (request.params as { id?: string }).id ?? null

function createdId (reply: FastifyReply, payload: unknown): string | null {
  if (reply.statusCode !== 201 || typeof payload !== 'string') return null
  return (JSON.parse(payload) as { id?: string }).id ?? null
}

export default fp(async (app) => {
  app.decorateRequest('idempotency', null)
  const answers = app.store.upkeep.answers

  async function claimOrReplay (request: FastifyRequest, reply: FastifyReply) {
    const key = request.headers['idempotency-key']
    if (typeof key !== 'string') return
    const scope = `${request.routeOptions.url}|${request.principal?.keyId ?? request.clientHash}`
    const answerKey = { scope, keyHash: keyHash(scope, key) }
    const { matchHash, sealingKey } = requestSecrets(scope, key, requestText(request))
    const about = request.routeOptions.config.idempotent?.about === 'path' ? pathId(request) : null
    if (await answers.claim(answerKey, matchHash, about)) {
      request.idempotency = { ...answerKey, sealingKey }
      return
    }
    const first = await answers.earlier(answerKey)
    if (first.state === 'erased') throw errors.idempotencyErased()
    if (first.requestHash !== matchHash) throw errors.idempotencyMismatch()
    if (first.state === 'running') throw errors.idempotencyInProgress()
    const { status, headers, sealedBody } = first.answer
    return reply.code(status).headers({ ...headers, 'idempotent-replayed': 'true' }).send(unseal(sealedBody, sealingKey))
  }

  async function keep (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (!request.idempotency) return payload
    if (reply.statusCode >= 500) {
      await answers.release(request.idempotency)
      return payload
    }
    const headers = Object.fromEntries(replayedHeaders.flatMap((h) => {
      const value = reply.getHeader(h)
      return value === undefined ? [] : [[h, String(value)]]
    }))
    const body = typeof payload === 'string' ? payload : ''
    const answer = { status: reply.statusCode, sealedBody: seal(body, request.idempotency.sealingKey), headers }
    await answers.remember(request.idempotency, answer, createdId(reply, payload))
    return payload
  }

  hooksForRoutes(app, (config) => config.idempotent !== undefined, { preHandler: claimOrReplay, onSend: keep })
}, { name: 'idempotency', dependencies: ['store', 'client-identity'] })
