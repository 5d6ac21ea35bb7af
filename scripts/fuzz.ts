// `npm run fuzz`: the contract fuzzer at depth (FUZZ_RUNS per operation, default 300) against a fresh
// database on DATABASE_URL; prints the cases per operation and each new violation; exit 1 on a 5xx or a new one.
import type { Test } from 'tap'
import { loadContract } from '../src/contract/contract.js'
import { buildTestApp } from '../tests/helpers/app.js'
import { knownBugs } from '../tests/contract/fuzz/known-bugs.js'
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
  for (const bug of knownBugs) console.log(`known, ${report.violations.filter(bug.matches).length} cases: ${bug.todo}`)
  const unknown = report.violations.filter((v) => !knownBugs.some((b) => b.matches(v)))
  const seen = new Set<string>()
  for (const v of unknown) {
    const key = `${v.operationId} ${v.status} ${v.problems.join('; ').slice(0, 80)}`
    if (seen.has(key)) continue
    seen.add(key)
    console.log(`\n✗ ${v.operationId}: ${v.problems.join('; ')}\n  ${describe(v.request)}\n  → ${v.body}`)
  }
  failed = unknown.length > 0
  console.log(failed ? `\nFAILED: ${unknown.filter((v) => v.status >= 500).length} new 5xx, ${unknown.length} new violations` : '\nno new 5xx and no new contract violations')
} finally {
  for (const fn of cleanups) await fn()
}
process.exit(failed ? 1 : 0)
