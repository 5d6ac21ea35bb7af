// Gives the app its store (src/store/store.ts): every connection, the per-instance caches and the
// areas' services as `app.store.<area>`. Routes call services; nothing else touches a driver.
// Starts listening for other instances' changes before the app serves, and closes with the app.
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { openStore, type Store } from '../store/store.js'

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
  }
}

export default fp<{ config: Config & { databaseUrl: string } }>(async (app, { config }) => {
  const store = openStore({ config, log: app.log, metrics: app.metrics })
  app.decorate('store', store)
  app.addHook('onReady', async () => { await store.listen() })
  app.addHook('onClose', async () => { await store.close() })
}, { name: 'store', dependencies: ['metrics'] })
