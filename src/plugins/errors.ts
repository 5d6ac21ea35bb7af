// One error handler: everything leaves as RFC 9457 problem+json; 5xx are logged and their details hidden.
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isDatabaseUnavailable } from '../db/unavailable.js'
import { DomainError, errors, problemType, type FieldProblem } from '../errors.js'

interface AjvError { instancePath: string, keyword: string, message?: string, params: Record<string, unknown> }

function fieldProblems (context: string | undefined, validation: AjvError[]): FieldProblem[] {
  return validation.map((e) => {
    const child = e.params.missingProperty ?? e.params.additionalProperty
    const pointer = `/${context ?? 'body'}${e.instancePath}${typeof child === 'string' ? `/${child}` : ''}`
    const detail = e.keyword === 'additionalProperties' ? 'is not a known field' : (e.message ?? 'is invalid')
    return { pointer, detail }
  })
}

/** Turns anything thrown into the DomainError it stands for. */
function toDomainError (error: FastifyError | DomainError, request: FastifyRequest): DomainError {
  if (error instanceof DomainError) return error
  if (error.validation) return errors.validation(fieldProblems(error.validationContext, error.validation as AjvError[]))
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return errors.payloadTooLarge(request.routeOptions.bodyLimit ?? 0)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return errors.unsupportedMediaType(request.headers['content-type'])
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return errors.malformedBody('The body is empty; send a JSON document.')
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return errors.malformedBody('The body is not valid JSON.')
  }
  if (error instanceof SyntaxError) return errors.malformedBody('The body is not valid JSON.')
  if (isDatabaseUnavailable(error)) return errors.databaseUnavailable()
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) return new DomainError('bad_request', status, 'Bad request', error.message)
  return errors.internal()
}

/** The RFC 9457 document for a problem. */
function problemDocument (problem: DomainError, instance: string | undefined): Record<string, unknown> {
  return {
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    ...(instance === undefined ? {} : { instance }),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extensions,
  }
}

export function sendProblem (reply: FastifyReply, problem: DomainError): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value)
  return reply.code(problem.status).type('application/problem+json').send(problemDocument(problem, reply.request.url))
}

/**
 * What Node's HTTP parser refuses before any route sees it (headers too large, a malformed request
 * line, a request that took too long) still leaves as problem+json, written on the socket, and the
 * connection is closed (Fastify's `clientErrorHandler`).
 */
export function clientErrorHandler (error: Error & { code?: string }, socket: Duplex): void {
  const problem = error.code === 'HPE_HEADER_OVERFLOW'
    ? errors.headersTooLarge()
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? errors.requestTimeout() : errors.malformedRequest()
  if (!socket.writable) { socket.destroy(); return }
  const body = JSON.stringify(problemDocument(problem, undefined))
  socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\nContent-Type: application/problem+json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

export default fp(async (app) => {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const problem = toDomainError(error, request)
    // Only a real outage is logged as one; draining and not-ready answers are states, not failures.
    if (problem.code === 'database_unavailable') request.log.warn({ code: (error as { code?: string }).code }, 'database unavailable')
    else if (problem.status >= 500 && problem.status !== 503) request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, problem)
  })
  app.setNotFoundHandler((request, reply) => sendProblem(reply, errors.routeNotFound(request.method, request.url.split('?')[0] ?? '')))
}, { name: 'errors' })
