// How triage compared with its moderators, over the labelled items (triage-labels.ts) of the sites a
// key covers: per level, per category and for harm (high or critical), how many items triage and the
// moderators each gave it, how many both, and precision and recall with 95% Wilson intervals.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { Prisma } from '../generated/prisma/client.js'
import type { TriageLevel } from '../generated/prisma/enums.js'
import { coveredSiteId, type Principal } from '../keys/api-keys.js'
import { wilsonShare } from '../ratings/wilson.js'
import { HARM_CATEGORIES, type HarmCategory } from '../triage/types.js'

export interface QualityFilter {
  site?: string | undefined
  /** Inclusive UTC submission days, YYYY-MM-DD. */
  from?: string | undefined
  to?: string | undefined
}

/** One group of labelled items that triage and the moderators read alike. */
export interface LabelGroup {
  level: TriageLevel
  categories: string[]
  triage_level: TriageLevel
  triage_categories: string[]
  source: 'confirmed' | 'corrected'
  n: number
}

const LEVELS: TriageLevel[] = ['critical', 'high', 'normal']

/** Counts for one yes/no question ("is it critical?", "is it self-harm?") over the groups. */
function agreement (groups: LabelGroup[], triaged: (g: LabelGroup) => boolean, labelled: (g: LabelGroup) => boolean) {
  let t = 0, l = 0, both = 0
  for (const g of groups) {
    if (triaged(g)) t += g.n
    if (labelled(g)) l += g.n
    if (triaged(g) && labelled(g)) both += g.n
  }
  return { triaged: t, labelled: l, agreed: both, precision: wilsonShare(both, t), recall: wilsonShare(both, l) }
}

/** The figures from grouped labels: pure, so a small known set can be checked by hand. */
export function qualityOf (groups: LabelGroup[]) {
  const count = (source?: LabelGroup['source']) => groups.filter((g) => !source || g.source === source).reduce((a, g) => a + g.n, 0)
  return {
    items: count(),
    confirmed: count('confirmed'),
    corrected: count('corrected'),
    levels: Object.fromEntries(LEVELS.map((level) => [level, agreement(groups, (g) => g.triage_level === level, (g) => g.level === level)])) as Record<TriageLevel, ReturnType<typeof agreement>>,
    categories: Object.fromEntries(HARM_CATEGORIES.map((c) => [c, agreement(groups, (g) => g.triage_categories.includes(c), (g) => g.categories.includes(c))])) as Record<HarmCategory, ReturnType<typeof agreement>>,
    harm: agreement(groups, (g) => g.triage_level !== 'normal', (g) => g.level !== 'normal'),
  }
}

/** The sites in scope: the `site` filter (403 before 404, as everywhere), or every site the key covers. */
async function sitesInScope (db: Db, principal: Principal, site: string | undefined): Promise<{ ids: string[], slugs: string[] }> {
  if (site !== undefined) return { ids: [await coveredSiteId(db, principal, site)], slugs: [site] }
  const where = principal.sites === 'all' ? {} : { id: { in: [...principal.sites.keys()] } }
  const sites = await db.site.findMany({ where, select: { id: true, slug: true }, orderBy: { slug: 'asc' } })
  return { ids: sites.map((s) => s.id), slugs: sites.map((s) => s.slug) }
}

export async function triageQuality (db: Db, principal: Principal, filter: QualityFilter) {
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) throw errors.rangeReversed()
  const sites = await sitesInScope(db, principal, filter.site)
  const conditions = [Prisma.sql`s.site_id = ANY(${sites.ids}::uuid[])`, Prisma.sql`s.status <> 'withdrawn'`]
  if (filter.from) conditions.push(Prisma.sql`s.created_at >= (${filter.from}::date::timestamp AT TIME ZONE 'UTC')`)
  if (filter.to) conditions.push(Prisma.sql`s.created_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'UTC')`)
  const groups = await db.$queryRaw<LabelGroup[]>(Prisma.sql`
    SELECT l.level, l.categories, l.triage_level, l.triage_categories, l.source::text AS source, count(*)::int AS n
    FROM triage_labels l JOIN stories s ON s.id = l.story_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    GROUP BY 1, 2, 3, 4, 5`)
  return {
    filters: { sites: sites.slugs, from: filter.from ?? null, to: filter.to ?? null, dateBasis: 'submitted' as const },
    ...qualityOf(groups),
  }
}
