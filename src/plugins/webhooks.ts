// Runs the webhook deliverer for the app's lifetime; routes call `app.webhooks.kick()` after commits.
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { startDeliverer, type Deliverer } from '../webhooks/deliverer.js'
import type { Resolver } from '../webhooks/url-safety.js'

declare module 'fastify' {
  interface FastifyInstance {
    webhooks: Pick<Deliverer, 'kick'>
  }
}

export default fp<{ config: Config, overdueScanMs?: number, resolve?: Resolver }>(async (app, { config, overdueScanMs, resolve }) => {
  let deliverer: Deliverer | undefined
  app.decorate('webhooks', { kick: () => deliverer?.kick() })
  app.addHook('onReady', async () => {
    deliverer = startDeliverer({
      db: app.db,
      log: app.log,
      ...config.webhooks,
      ...(overdueScanMs !== undefined ? { overdueScanMs } : {}),
      ...(resolve ? { resolve } : {}),
      onDelivery: (outcome) => { app.metrics.webhookDeliveries.inc({ outcome }) },
    })
  })
  app.addHook('onClose', async () => { await deliverer?.stop() })
}, { name: 'webhooks', dependencies: ['database', 'metrics'] })
