// Research ratings: approved-story counts per period with Wilson intervals, moderation denominators,
// and small-cell suppression for researchers (admins see every number).
import type { Db } from '../db/client.js'
import type { Principal } from '../keys/api-keys.js'
import { wilsonInterval } from '../ratings/wilson.js'
import { firstDay, harmCounts, statusCounts, type VerdictKey } from './counts.js'
import { researchErrors } from './errors.js'
import { countPeriods, maxPeriods, periods, today, type Interval } from './periods.js'
import { resolveScope, type ResearchFilter } from './scope.js'
import { CellTable, suppress } from './suppression.js'

export const ratingsSchemaVersion = '1.0.0'
const verdicts: VerdictKey[] = ['effective', 'ineffective', 'unrated']
const statuses = ['pending', 'approved', 'rejected', 'removed', 'withdrawn'] as const
const harmKeys = ['any', 'self_harm', 'abuse', 'trauma_response', 'physical_harm'] as const
const round = (x: number): number => Math.round(x * 10_000) / 10_000

async function periodList (db: Db, scope: Awaited<ReturnType<typeof resolveScope>>, interval: Interval): Promise<[string | null, string | null][]> {
  if (interval === 'none') return [[scope.from, scope.to]]
  const to = scope.to ?? today()
  const from = scope.from ?? await firstDay(db, scope)
  if (from === null || from > to) return []
  const count = countPeriods(from, to, interval)
  if (count > maxPeriods) throw researchErrors.tooManyPeriods(count, maxPeriods)
  return periods(from, to, interval)
}

export async function researchRatings (db: Db, principal: Principal, filter: ResearchFilter & { interval: Interval }, now = new Date()) {
  const scope = await resolveScope(db, principal, filter)
  const list = await periodList(db, scope, filter.interval)
  const [counts, harm] = await Promise.all([statusCounts(db, scope, filter.interval), harmCounts(db, scope)])
  const index = new Map<string, number>()
  for (const c of counts) index.set(`${c.period}|${c.status}|${c.verdict}`, c.n)
  const get = (period: string | null, status: string, verdict: VerdictKey): number => index.get(`${filter.interval === 'none' ? null : period}|${status}|${verdict}`) ?? 0

  const table = new CellTable()
  const rowCells = list.map(([start]) => {
    const [e, i, u] = verdicts.map((v) => table.add(get(start, 'approved', v))) as [number, number, number]
    const n = table.add(table.values[e]! + table.values[i]!)
    table.relate([n, e, i])
    return { e, i, u, n }
  })
  const denominatorCells = Object.fromEntries(verdicts.map((v) => {
    const byStatus = Object.fromEntries(statuses.map((s) => [s, table.add(counts.filter((c) => c.status === s && c.verdict === v).reduce((a, c) => a + c.n, 0))]))
    const submitted = table.add(statuses.reduce((a, s) => a + table.values[byStatus[s]!]!, 0))
    table.relate([submitted, ...Object.values(byStatus)])
    const harmCells = Object.fromEntries(harmKeys.map((h) => [h, table.add(harm.find((x) => x.verdict === v && x.category === h)?.n ?? 0)]))
    return [v, { submitted, ...byStatus, harm: harmCells }]
  })) as Record<VerdictKey, Record<(typeof statuses)[number] | 'submitted', number> & { harm: Record<(typeof harmKeys)[number], number> }>
  // Column relations: the approved denominators are the sums of the rows; withhold the aggregate first.
  const approved = (v: VerdictKey): number => denominatorCells[v].approved
  table.relate([approved('effective'), ...rowCells.map((r) => r.e)], approved('effective'))
  table.relate([approved('ineffective'), ...rowCells.map((r) => r.i)], approved('ineffective'))
  table.relate([approved('unrated'), ...rowCells.map((r) => r.u)], approved('unrated'))
  table.relate([approved('effective'), approved('ineffective'), ...rowCells.map((r) => r.n)], approved('effective'))

  const applied = principal.role !== 'admin'
  if (applied) suppress(table, scope.k)
  const show = (cell: number): number | null => table.shown(cell)

  return {
    schemaVersion: ratingsSchemaVersion,
    generatedAt: now.toISOString(),
    filters: {
      sites: scope.sites.map((s) => s.slug),
      topics: [...new Set(filter.topic ?? [])],
      from: scope.from,
      to: scope.to,
      interval: filter.interval,
      dateBasis: 'submitted' as const,
    },
    suppression: {
      applied,
      k: scope.k,
      rules: applied ? ['primary' as const, 'complementary' as const] : [],
      appliedTo: applied ? 'researcher' as const : null,
      cells: table.count(),
    },
    rows: list.map(([start, end], index) => {
      const c = rowCells[index]!
      const [n, e, i, u] = [show(c.n), show(c.e), show(c.i), show(c.u)]
      const ci = n !== null && e !== null && i !== null ? wilsonInterval(e, n) : null
      return {
        periodStart: start,
        periodEnd: end,
        n,
        effective: e,
        ineffective: i,
        unrated: u,
        effectiveShare: ci && n ? round(e! / n) : null,
        ci: { method: 'wilson' as const, level: 0.95 as const, lower: ci ? round(ci.lower) : null, upper: ci ? round(ci.upper) : null },
        suppressed: [c.n, c.e, c.i, c.u].some((cell) => show(cell) === null),
      }
    }),
    denominators: Object.fromEntries(verdicts.map((v) => {
      const d = denominatorCells[v]
      return [v, {
        submitted: show(d.submitted),
        ...Object.fromEntries(statuses.map((s) => [s, show(d[s])])),
        harm: Object.fromEntries(harmKeys.map((h) => [h, show(d.harm[h])])),
      }]
    })) as Record<VerdictKey, { submitted: number | null, pending: number | null, approved: number | null, rejected: number | null, removed: number | null, withdrawn: number | null, harm: Record<(typeof harmKeys)[number], number | null> }>,
  }
}

export type ResearchRatings = Awaited<ReturnType<typeof researchRatings>>
