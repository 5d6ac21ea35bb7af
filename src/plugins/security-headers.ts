// Security headers on every response, as helmet computes them. API answers are data, so their CSP
// allows nothing; the reference UI and the widget's demo page send their own policies, and the widget
// script itself is served cross-origin (see src/embed/plugin.ts). The headers do not depend on the
// request, so helmet runs once at start and each response gets the result in one call, instead of
// helmet's dozen middlewares per request.
import type { IncomingMessage, ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

const options: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  // Public reads are fetched cross-origin with CORS by design; CORP would only block no-cors loads.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
}

/** The headers helmet sets with these options, collected from one run against a stand-in response. */
export function securityHeaders (opts: HelmetOptions = options): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => { headers[name.toLowerCase()] = String(value) },
    removeHeader: (name: string) => { delete headers[name.toLowerCase()] },
  }
  helmet(opts)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => { if (err) throw err })
  return headers
}

export default fp(async (app) => {
  const headers = securityHeaders()
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers)
    done()
  })
}, { name: 'security-headers' })
