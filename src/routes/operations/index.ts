// Operations: liveness, readiness, Prometheus metrics and the contract itself.
import type { FastifyPluginAsync } from 'fastify'
import { metricsAccess } from './metrics-access.js'
import type { RouteTypes } from '../../contract/types.js'
import { expectedMigrations } from '../../db/readiness.js'
import { errors } from '../../errors.js'

const operations: FastifyPluginAsync<{ metricsToken: string | undefined }> = async (app, { metricsToken }) => {
  const expected = await expectedMigrations()
  const contractJson = JSON.stringify(app.contract.document)

  app.route<RouteTypes<'getHealth'>>({
    ...app.contract.route('getHealth'),
    handler: async () => ({ status: 'ok' as const }),
  })

  app.route<RouteTypes<'getReady'>>({
    ...app.contract.route('getReady'),
    handler: async () => {
      const readiness = await app.store.upkeep.readiness(expected)
      if (!readiness.ready) throw errors.notReady(readiness.reason)
      return { status: 'ready' as const, migrations: readiness.migrations }
    },
  })

  app.route<RouteTypes<'getMetrics'>>({
    ...app.contract.route('getMetrics'),
    onRequest: metricsAccess(metricsToken),
    handler: async (_request, reply) => reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics()),
  })

  app.route({
    ...app.contract.route('getOpenApi'),
    handler: async (_request, reply) => reply.type('application/json').send(contractJson),
  })
}

export default operations
