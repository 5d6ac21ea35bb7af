// Contract fuzzing: valid and mutated requests for every operation in openapi.yaml; no 5xx, every
// error a valid problem+json, every success valid against its response schema. FUZZ_RUNS per operation.
import t from 'tap'
import { loadContract } from '../../src/contract/contract.js'
import { buildTestApp } from '../helpers/app.js'
import { describe, fuzzAll, seedWorld, summary, type Violation } from './fuzz/runner.js'

const runs = Number(process.env.FUZZ_RUNS ?? 15)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)

/** Violations already reported; each stays a failing assertion, marked todo, until it is fixed. */
const knownBugs: Array<{ todo: string, matches: (v: Violation) => boolean }> = [
  {
    todo: 'bug: Fastify router errors bypass the problem+json handler: a path parameter over 100 characters (414 FST_ERR_MAX_PARAM_LENGTH) or invalid percent-encoding such as %ED%BF%BF (400 FST_ERR_BAD_URL) answer application/json {error,code,message,statusCode} echoing the URL',
    matches: (v) => v.status === 414 || v.body.includes('"code":"FST_ERR_BAD_URL"'),
  },
  {
    todo: 'bug: contract: CreatedApiKey and createWebhook 201 are allOf [ApiKey|Webhook (additionalProperties:false), {key|secret}], which no response carrying the key or secret can satisfy',
    matches: (v) => (v.operationId === 'createWebhook' || v.operationId === 'createApiKey') && v.status === 201 && v.problems.every((p) => p.includes('additional properties')),
  },
]
/** Statuses any route can give for a body it did not expect; allowed even where the contract omits them. */
const transportStatuses = new Set([413, 415])

t.test(`fuzzing every operation (${runs} cases each, seed ${seed})`, async (t) => {
  const { app, db } = await buildTestApp(t, { WEBHOOK_ALLOW_PRIVATE: 'true' })
  const contract = await loadContract()
  const world = await seedWorld(app, db)
  const report = await fuzzAll(app, contract, world, runs, seed)
  for (const line of summary(report)) t.comment(line)

  t.equal(report.operations.length, contract.routes.size, 'every operation of the contract was fuzzed')
  t.equal(report.total, runs * contract.routes.size, 'every case was sent')
  t.equal(report.serverErrors, 0, 'no request got a 5xx')
  t.ok(report.operations.reduce((n, op) => n + op.valid, 0) > 0, 'valid requests were among them')

  const show = (v: Violation): string => `${v.problems.join('; ')}\n    ${describe(v.request)}\n    → ${v.body}`
  for (const bug of knownBugs) {
    t.same(report.violations.filter(bug.matches).slice(0, 2).map(show), [], bug.todo.replace(/^bug: /, ''), { todo: bug.todo })
  }
  const unknown = report.violations.filter((v) => !knownBugs.some((b) => b.matches(v)))
  const unserved = report.operations.filter((op) => op.unserved === op.cases).map((op) => op.operationId)
  if (unserved.length) t.comment(`not served (yet): ${unserved.join(', ')}; every request was route_not_found`)
  for (const op of report.operations) {
    const found = unknown.filter((v) => v.operationId === op.operationId).slice(0, 3).map(show)
    t.same(found, [], `${op.operationId}: responses keep the contract (reproduce with FUZZ_SEED=${seed} FUZZ_RUNS=${runs})`)
    const undeclared = [...op.undeclared].filter((s) => !transportStatuses.has(s) && s !== 414 && !(s === 404 && unserved.includes(op.operationId)))
    t.same(undeclared, [], `${op.operationId}: every status is one the contract lists`)
  }
})
