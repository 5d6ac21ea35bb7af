// Contract fuzzing: valid and mutated requests for every operation in openapi.yaml; no 5xx, every
// error a valid problem+json, every success valid against its response schema. FUZZ_RUNS per operation.
import t from 'tap'
import { loadContract } from '../../src/contract/contract.js'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic } from '../helpers/factories.js'
import { knownBugs, knownUndeclared } from './fuzz/known-bugs.js'
import { describe, fuzzAll, seedWorld, summary, type Violation } from './fuzz/runner.js'

const runs = Number(process.env.FUZZ_RUNS ?? 15)
// A fixed seed keeps `npm test` repeatable; `npm run fuzz` explores new seeds.
const seed = Number(process.env.FUZZ_SEED ?? 20261126)

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
  const unexplained5xx = report.violations.filter((v) => v.status >= 500 && !knownBugs.some((b) => b.matches(v)))
  t.same(unexplained5xx.map((v) => describe(v.request)), [], `no request got a 5xx (${report.serverErrors} in all, the rest known bugs)`)
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
    const known = knownUndeclared[op.operationId]
    const undeclared = [...op.undeclared].filter((s) => !transportStatuses.has(s) && s !== 414 && !(s === 404 && unserved.includes(op.operationId)))
    t.same(undeclared.filter((s) => !known?.statuses.includes(s)), [], `${op.operationId}: every status is one the contract lists`)
    if (known) t.same(undeclared.filter((s) => known.statuses.includes(s)), [], `${op.operationId}: ${known.todo}`, { todo: known.todo })
  }
})

t.test('forged cursors are refused as 400 invalid_cursor, whatever date they carry', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, storiesUrl } = await siteWithTopic(db)
  const key = await apiKey(db, 'moderator', [site.slug])
  const forge = (at: string): string => Buffer.from(JSON.stringify([at, '3f1c2b9e-8d4a-4c1e-9b7a-2e6f5d4c3b2a', null])).toString('base64url')
  for (const at of ['2024-02-30T00:00:00Z', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '-004714-11-23T00:00:00Z']) {
    for (const url of [`${storiesUrl}?cursor=${forge(at)}`, `/v1/moderation/queue?cursor=${forge(at)}`]) {
      const res = await app.inject({ url, headers: bearer(key) })
      t.ok(res.statusCode < 500, `${url.split('?')[0]} with a cursor dated ${at}: ${res.statusCode}, not a 5xx`)
      t.equal(res.headers['content-type'], res.statusCode === 200 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8')
    }
  }
})
