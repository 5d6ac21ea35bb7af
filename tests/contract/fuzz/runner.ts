// Seeds a small world (a site, a topic, stories in several states, keys, a webhook) and fuzzes every
// contract operation against an app through app.inject, collecting status counts and violations.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import type { Contract, ContractRoute } from '../../../src/contract/contract.js'
import type { Db } from '../../../src/db/client.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'
import type { Pools } from './arbitraries.js'
import { ContractJudge } from './check.js'
import { requestsFor, type FuzzRequest, type Keys, type Role } from './requests.js'

export interface World { pools: Pools, keys: Keys }

export async function seedWorld (app: FastifyInstance, db: Db): Promise<World> {
  const { site, topic, storiesUrl } = await siteWithTopic(db)
  const keys: Keys = { admin: await apiKey(db, 'admin'), moderator: await apiKey(db, 'moderator', [site.slug]), researcher: await apiKey(db, 'researcher', [site.slug]) }
  const approved = await submit(app, storiesUrl, { body: 'Approved story: the sessions eased my neck pain a great deal.' })
  t200(await decideOn(app, keys.moderator, approved.id, { action: 'approve' }))
  const pending = await submit(app, storiesUrl, { body: 'Pending story: I had flashbacks for weeks after the last session.' })
  const rejected = await submit(app, storiesUrl, { body: 'Rejected story: buy cheap pills at my shop, best prices around here.' })
  t200(await decideOn(app, keys.moderator, rejected.id, { action: 'reject', reason: 'spam' }))
  const hook = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(keys.admin), payload: { url: 'http://127.0.0.1:9/hook', events: ['story.submitted'] } })
  if (hook.statusCode !== 201) throw new Error(`seeding a webhook failed: ${hook.statusCode} ${hook.body}`)
  const spare = await app.inject({ method: 'POST', url: '/v1/admin/api-keys', headers: bearer(keys.admin), payload: { name: 'spare', role: 'moderator', sites: [site.slug] } })
  const pools: Pools = {
    uuids: [approved.id, pending.id, rejected.id, hook.json<{ id: string }>().id, spare.json<{ id: string }>().id, randomUUID()],
    sites: [site.slug, site.slug, 'no-such-site'],
    topics: [topic.slug, topic.slug, 'no-such-topic'],
    ifMatch: ['"v1"', '"v2"', '"v3"', '*', '"v1", "v2"', 'W/"v1"', 'v1'],
    manageTokens: [approved.manageToken, pending.manageToken, 'mt_wrong'],
    urls: ['http://127.0.0.1:9/hook', 'https://x.invalid/hook', 'https://169.254.169.254/latest/meta-data', 'ftp://example.org/x', 'https://[::1]/h'],
  }
  return { pools, keys }
}

function t200 (res: { statusCode: number, body: string }): void {
  if (res.statusCode !== 200) throw new Error(`seeding a decision failed: ${res.statusCode} ${res.body}`)
}

const roleOfScheme: Record<string, Role> = { adminKey: 'admin', researcherKey: 'researcher', moderatorKey: 'moderator' }

/** Which key an operation takes, from its security scheme: none for public ones (a manage token is a parameter). */
export function roleOf (contract: Contract, route: ContractRoute): Role | undefined {
  const op = (contract.document.paths as Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>)[route.path]?.[route.method.toLowerCase()]
  const schemes = (op?.security ?? []).flatMap((requirement) => Object.keys(requirement))
  return schemes.map((scheme) => roleOfScheme[scheme]).find((role) => role !== undefined)
}

export interface Violation { operationId: string, request: FuzzRequest, status: number, problems: string[], body: string }
export interface OperationReport { operationId: string, cases: number, valid: number, unserved: number, statuses: Record<number, number>, undeclared: Set<number> }
export interface FuzzReport { operations: OperationReport[], total: number, serverErrors: number, violations: Violation[] }

const short = (s: string | undefined, n = 300): string => (s === undefined ? '' : s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s)

/** A request as a one-line reproduction. */
export function describe (r: FuzzRequest): string {
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${short(v, 80)}`).join('; ')
  return `${r.method} ${short(r.url, 200)} [${r.kind}] {${headers}}${r.payload !== undefined ? ` body=${short(r.payload, 300)}` : ''}`
}

export async function fuzzAll (app: FastifyInstance, contract: Contract, world: World, runs: number, seed: number): Promise<FuzzReport> {
  const judge = new ContractJudge(contract)
  const report: FuzzReport = { operations: [], total: 0, serverErrors: 0, violations: [] }
  for (const route of contract.routes.values()) {
    const cases = fc.sample(requestsFor(route, roleOf(contract, route), world.pools, world.keys), { numRuns: runs, seed })
    const op: OperationReport = { operationId: route.operationId, cases: 0, valid: 0, unserved: 0, statuses: {}, undeclared: new Set() }
    for (const request of cases) {
      const res = await app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload !== undefined ? { payload: request.payload } : {}) })
      op.cases++
      if (request.kind === 'valid') op.valid++
      op.statuses[res.statusCode] = (op.statuses[res.statusCode] ?? 0) + 1
      if (res.statusCode >= 500) report.serverErrors++
      if (res.statusCode === 404 && res.body.includes('"code":"route_not_found"')) op.unserved++
      if (!judge.declares(route, res.statusCode)) op.undeclared.add(res.statusCode)
      const problems = judge.judge(route, { statusCode: res.statusCode, headers: res.headers, body: res.body })
      if (problems.length) report.violations.push({ operationId: route.operationId, request, status: res.statusCode, problems, body: short(res.body, 400) })
    }
    report.total += op.cases
    report.operations.push(op)
  }
  return report
}

/** Human-readable summary lines: one per operation, then the totals. */
export function summary (report: FuzzReport): string[] {
  const lines = report.operations.map((op) => {
    const statuses = Object.entries(op.statuses).map(([s, n]) => `${s}×${n}`).join(' ')
    const undeclared = op.undeclared.size ? `  undeclared: ${[...op.undeclared].join(',')}` : ''
    return `${op.operationId.padEnd(24)} ${String(op.cases).padStart(5)} cases (${op.valid} valid)  ${statuses}${undeclared}`
  })
  lines.push(`total ${report.total} cases over ${report.operations.length} operations, ${report.serverErrors} 5xx, ${report.violations.length} contract violations`)
  return lines
}
