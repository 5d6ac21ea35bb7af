// Runs the webhook deliverer (the webhooks service's) for the app's lifetime; the after-commit step
// wakes it when a change put events in the outbox.
import fp from 'fastify-plugin'
import type { Resolver } from '../webhooks/url-safety.js'

export default fp<{ resolve?: Resolver }>(async (app, { resolve }) => {
  const { webhooks } = app.store
  app.addHook('onReady', async () => {
    webhooks.startDelivering({
      log: app.log,
      ...(resolve ? { resolve } : {}),
      onDelivery: (outcome) => { app.metrics.webhookDeliveries.inc({ outcome }) },
    })
  })
  app.addHook('onClose', async () => { await webhooks.stopDelivering() })
}, { name: 'webhooks', dependencies: ['store', 'metrics'] })
