// `npm run fuzz`: the contract fuzzer at depth (FUZZ_RUNS per operation, default 300) against a fresh
// database on DATABASE_URL; prints the cases per operation and every violation; exit 1 on any.
import type { Test } from 'tap'
import { loadContract } from '../src/contract/contract.js'
import { buildTestApp } from '../tests/helpers/app.js'
import { describe, fuzzAll, seedWorld, summary } from '../tests/contract/fuzz/runner.js'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)

// The test helpers only need somewhere to register their clean-ups.
const cleanups: Array<() => Promise<void> | void> = []
const scope = { teardown: (fn: () => Promise<void> | void) => { cleanups.unshift(fn) } } as unknown as Test

let failed = false
try {
  const { app, db } = await buildTestApp(scope, { WEBHOOK_ALLOW_PRIVATE: 'true' })
  const contract = await loadContract()
  const world = await seedWorld(app, db)
  console.log(`fuzzing ${contract.routes.size} operations, ${runs} cases each, seed ${seed}`)
  const started = Date.now()
  const report = await fuzzAll(app, contract, world, runs, seed)
  for (const line of summary(report)) console.log(line)
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`)
  const seen = new Set<string>()
  for (const v of report.violations) {
    const key = `${v.operationId} ${v.status} ${v.problems.join('; ').slice(0, 80)}`
    if (seen.has(key)) continue
    seen.add(key)
    console.log(`\n✗ ${v.operationId}: ${v.problems.join('; ')}\n  ${describe(v.request)}\n  → ${v.body}`)
  }
  failed = report.serverErrors > 0 || report.violations.length > 0
} finally {
  for (const fn of cleanups) await fn()
}
process.exit(failed ? 1 : 0)
