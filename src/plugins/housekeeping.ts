// Periodic clean-up off the request path: expired idempotency keys and near-duplicate fingerprints.
import fp from 'fastify-plugin'
import { forgetOldSubmissions } from '../stories/near-duplicates.js'
import { forgetExpiredKeys } from './idempotency.js'

export default fp<{ intervalMs?: number }>(async (app, { intervalMs = 600_000 }) => {
  const sweep = setInterval(() => {
    Promise.all([forgetExpiredKeys(app.db), forgetOldSubmissions(app.db)]).catch((err: unknown) => {
      app.log.warn({ err }, 'housekeeping failed')
    })
  }, intervalMs)
  sweep.unref()
  app.addHook('onClose', async () => { clearInterval(sweep) })
}, { name: 'housekeeping', dependencies: ['database'] })
