// Makes the OpenAPI contract available to route plugins, and records every served route so that
// tests can prove the contract and the server agree.
import fp from 'fastify-plugin'
import type { Contract } from '../contract/contract.js'

declare module 'fastify' {
  interface FastifyInstance {
    contract: Contract
    servedRoutes: Array<{ method: string, url: string }>
  }
}

export default fp<{ contract: Contract }>(async (app, opts) => {
  app.decorate('contract', opts.contract)
  const served: Array<{ method: string, url: string }> = []
  app.decorate('servedRoutes', served)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) if (method !== 'HEAD') served.push({ method, url: route.url })
  })
}, { name: 'contract' })
