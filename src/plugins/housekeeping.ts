// Periodic work off the request path: folding research count changes (every few seconds), announcing
// items past their review target (every 30 s), and clearing expired idempotency keys and near-duplicate
// fingerprints (every ten minutes).
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

function every (app: FastifyInstance, ms: number, work: () => Promise<unknown>, now = false): void {
  const run = (): void => { work().catch((err: unknown) => { app.log.warn({ err }, 'housekeeping failed') }) }
  const timer = setInterval(run, ms)
  timer.unref()
  if (now) app.addHook('onReady', async () => { run() })
  app.addHook('onClose', async () => { clearInterval(timer) })
}

export interface HousekeepingOptions { intervalMs?: number, foldMs?: number, overdueScanMs?: number }

export default fp<HousekeepingOptions>(async (app, { intervalMs = 600_000, foldMs = 5_000, overdueScanMs = 30_000 }) => {
  const { upkeep, moderation } = app.store
  every(app, foldMs, upkeep.foldResearchCounts)
  // At start too: an instance that restarts often would otherwise never announce.
  every(app, overdueScanMs, moderation.announceOverdue, true)
  every(app, intervalMs, upkeep.forgetExpired)
}, { name: 'housekeeping', dependencies: ['store'] })
