// The two aggregate queries behind research ratings: stories by (period, status, verdict), and
// harm-triaged stories by (verdict, category). Both read the view research_counts: research_daily_counts,
// which a trigger keeps in step with the stories table, plus the changes not folded into it yet (see
// the research_count_deltas migration), so five years of a topic is thousands of rows.
import type { Db } from '../db/client.js'
import { Prisma } from '../generated/prisma/client.js'
import type { Interval } from './periods.js'
import { dayAfter, type Scope } from './scope.js'

export type VerdictKey = 'effective' | 'ineffective' | 'unrated'
export interface StatusCount { period: string | null, status: string, verdict: VerdictKey, n: number }
export interface HarmCount { verdict: VerdictKey, category: string, n: number }

/** The scope as conditions on research_counts `d` (submission days, UTC, inclusive). */
function dailyConditions (scope: Scope): Prisma.Sql {
  const conditions = [scope.topics
    ? Prisma.sql`d.topic_id = ANY(${scope.topics.map((t) => t.id)}::uuid[])`
    : Prisma.sql`d.topic_id IN (SELECT id FROM topics WHERE site_id = ANY(${scope.sites.map((s) => s.id)}::uuid[]))`]
  if (scope.from) conditions.push(Prisma.sql`d.day >= ${scope.from}::date`)
  if (scope.to) conditions.push(Prisma.sql`d.day < ${dayAfter(scope.to)}::date`)
  conditions.push(Prisma.sql`d.count <> 0`)
  return Prisma.join(conditions, ' AND ')
}

export async function statusCounts (db: Db, scope: Scope, interval: Interval): Promise<StatusCount[]> {
  const period = interval === 'none' ? Prisma.sql`NULL::timestamp` : Prisma.sql`date_trunc(${interval}, d.day::timestamp)`
  return await db.$queryRaw<StatusCount[]>`
    SELECT to_char(g.period, 'YYYY-MM-DD') AS period, g.status::text AS status, g.verdict, g.n
    FROM (SELECT ${period} AS period, d.status, d.verdict, sum(d.count)::int AS n
          FROM research_counts d WHERE ${dailyConditions(scope)}
          GROUP BY 1, 2, 3) g`
}

export async function harmCounts (db: Db, scope: Scope): Promise<HarmCount[]> {
  // 'any' counts each story once; the per-category rows may overlap (a story can have several).
  return await db.$queryRaw<HarmCount[]>`
    SELECT d.verdict, 'any' AS category, sum(d.count)::int AS n
    FROM research_counts d WHERE ${dailyConditions(scope)} AND d.triage_level <> 'normal'
    GROUP BY 1
    UNION ALL
    SELECT d.verdict, c AS category, sum(d.count)::int AS n
    FROM research_counts d CROSS JOIN LATERAL unnest(string_to_array(NULLIF(d.categories, ''), ',')) c
    WHERE ${dailyConditions(scope)} AND d.triage_level <> 'normal'
    GROUP BY 1, 2`
}

/** The first submission day in scope, to start the periods when `from` is not given. */
export async function firstDay (db: Db, scope: Scope): Promise<string | null> {
  const [row] = await db.$queryRaw<{ first: string | null }[]>`
    SELECT to_char(min(d.day), 'YYYY-MM-DD') AS first FROM research_counts d WHERE ${dailyConditions(scope)}`
  return row?.first ?? null
}
