// Periodic work off the request path: folding research count changes (every few seconds), and
// clearing expired idempotency keys and near-duplicate fingerprints (every ten minutes).
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { foldResearchCounts } from '../research/fold.js'
import { forgetOldSubmissions } from '../stories/near-duplicates.js'
import { forgetExpiredKeys } from '../idempotency/answers.js'

function every (app: FastifyInstance, ms: number, work: () => Promise<unknown>): void {
  const timer = setInterval(() => {
    work().catch((err: unknown) => { app.log.warn({ err }, 'housekeeping failed') })
  }, ms)
  timer.unref()
  app.addHook('onClose', async () => { clearInterval(timer) })
}

export default fp<{ intervalMs?: number, foldMs?: number }>(async (app, { intervalMs = 600_000, foldMs = 5_000 }) => {
  every(app, foldMs, async () => await foldResearchCounts(app.db))
  every(app, intervalMs, async () => await Promise.all([forgetExpiredKeys(app.db), forgetOldSubmissions(app.db)]))
}, { name: 'housekeeping', dependencies: ['database'] })
