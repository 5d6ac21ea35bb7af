// Resolves research filters into a scope: covered sites, topic ids, the UTC day range, and k.
import type { Db } from '../db/client.js'
import { Prisma } from '../generated/prisma/client.js'
import { coveredSiteId, type Principal } from '../keys/api-keys.js'
import { siteSettings } from '../sites/sites.js'
import { researchErrors } from './errors.js'

export interface ResearchFilter {
  site?: string | undefined
  topic?: string[] | undefined
  from?: string | undefined
  to?: string | undefined
}

export interface Scope {
  sites: { id: string, slug: string }[]
  topics: { id: string, slug: string }[] | null
  /** Inclusive UTC days, YYYY-MM-DD, as given. */
  from: string | null
  to: string | null
  /** The small-cell threshold: the largest `smallCellK` of the sites in scope. */
  k: number
}

export const dayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export async function resolveScope (db: Db, principal: Principal, filter: ResearchFilter): Promise<Scope> {
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) throw researchErrors.rangeReversed()
  let where: Prisma.SiteWhereInput = principal.sites === 'all' ? {} : { id: { in: [...principal.sites.keys()] } }
  if (filter.site !== undefined) where = { id: await coveredSiteId(db, principal, filter.site) }
  const sites = await db.site.findMany({ where, select: { id: true, slug: true, settings: true }, orderBy: { slug: 'asc' } })
  const k = Math.max(1, ...sites.map((s) => siteSettings(s.settings).smallCellK))
  let topics: Scope['topics'] = null
  const wanted = [...new Set(filter.topic ?? [])]
  if (wanted.length > 0) {
    topics = await db.topic.findMany({ where: { siteId: { in: sites.map((s) => s.id) }, slug: { in: wanted } }, select: { id: true, slug: true } })
    const missing = wanted.filter((slug) => !topics!.some((t) => t.slug === slug))
    if (missing.length > 0) throw researchErrors.topicsNotFound(missing)
  }
  return { sites: sites.map(({ id, slug }) => ({ id, slug })), topics, from: filter.from ?? null, to: filter.to ?? null, k }
}

/** WHERE conditions on `stories s` for the scope. */
export function scopeConditions (scope: Scope): Prisma.Sql[] {
  // Topics were resolved inside the scope's sites, so they imply them (and the index on topic_id serves).
  const conditions = [scope.topics
    ? Prisma.sql`s.topic_id = ANY(${scope.topics.map((t) => t.id)}::uuid[])`
    : Prisma.sql`s.site_id = ANY(${scope.sites.map((s) => s.id)}::uuid[])`]
  if (scope.from) conditions.push(Prisma.sql`s.created_at >= ${`${scope.from}T00:00:00Z`}::timestamptz`)
  if (scope.to) conditions.push(Prisma.sql`s.created_at < ${`${dayAfter(scope.to)}T00:00:00Z`}::timestamptz`)
  return conditions
}
