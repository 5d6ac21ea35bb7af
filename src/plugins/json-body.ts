// The JSON body parser: secure-json-parse (as Fastify's own, refusing prototype poisoning), then
// every string in the body is NFC-normalised with control characters removed (line breaks and tabs
// stay). One place for all input text, so no field can carry a NUL byte to PostgreSQL or an invisible
// control into stored text.
import type { FastifyInstance } from 'fastify'
import sjson from 'secure-json-parse'
import { errors } from '../errors.js'
import { cleanString } from '../text/clean.js'

function cleanDeep (value: unknown): unknown {
  if (typeof value === 'string') return cleanString(value)
  if (Array.isArray(value)) return value.map(cleanDeep)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanString(k), cleanDeep(v)]))
  }
  return value
}

export function installJsonBodyParser (app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') {
      done(errors.malformedBody('The body is empty; send a JSON document.'), undefined)
      return
    }
    try {
      done(null, cleanDeep(sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' })))
    } catch {
      done(errors.malformedBody('The body is not valid JSON.'), undefined)
    }
  })
}
