// The two aggregate queries behind research ratings: stories by (period, status, verdict), and
// harm-triaged stories by (verdict, category). Read from the stories table (see the README's note).
import type { Db } from '../db/client.js'
import { Prisma } from '../generated/prisma/client.js'
import type { Interval } from './periods.js'
import { scopeConditions, type Scope } from './scope.js'

export type VerdictKey = 'effective' | 'ineffective' | 'unrated'
export interface StatusCount { period: string | null, status: string, verdict: VerdictKey, n: number }
export interface HarmCount { verdict: VerdictKey, category: string, n: number }

const verdictKey = Prisma.sql`COALESCE(s.verdict::text, 'unrated')`

export async function statusCounts (db: Db, scope: Scope, interval: Interval): Promise<StatusCount[]> {
  const period = interval === 'none' ? Prisma.sql`NULL::timestamp` : Prisma.sql`date_trunc(${interval}, s.created_at AT TIME ZONE 'UTC')`
  // Group on the raw columns and format afterwards: per-row casts and to_char would cost 4× more.
  return await db.$queryRaw<StatusCount[]>`
    SELECT to_char(g.period, 'YYYY-MM-DD') AS period, g.status::text AS status, COALESCE(g.verdict::text, 'unrated') AS verdict, g.n
    FROM (SELECT ${period} AS period, s.status, s.verdict, count(*)::int AS n
          FROM stories s WHERE ${Prisma.join(scopeConditions(scope), ' AND ')}
          GROUP BY 1, 2, 3) g`
}

export async function harmCounts (db: Db, scope: Scope): Promise<HarmCount[]> {
  const where = Prisma.join([...scopeConditions(scope), Prisma.sql`s.triage_level <> 'normal'`], ' AND ')
  return await db.$queryRaw<HarmCount[]>`
    SELECT ${verdictKey} AS verdict, COALESCE(c, 'any') AS category, count(DISTINCT s.id)::int AS n
    FROM stories s LEFT JOIN LATERAL unnest(s.triage_categories) c ON true
    WHERE ${where}
    GROUP BY GROUPING SETS ((1), (1, c))`
}

/** The first submission day in scope, to start the periods when `from` is not given. */
export async function firstDay (db: Db, scope: Scope): Promise<string | null> {
  const [row] = await db.$queryRaw<{ first: string | null }[]>`
    SELECT to_char(min(s.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS first
    FROM stories s WHERE ${Prisma.join(scopeConditions(scope), ' AND ')}`
  return row?.first ?? null
}
