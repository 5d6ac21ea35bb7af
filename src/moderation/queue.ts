// The moderation queue: most urgent first (critical, high, normal), oldest first inside a level,
// limited to the sites the key covers, paged by keyset on (level, createdAt, id).
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { Prisma } from '../generated/prisma/client.js'
import type { StoryStatus, TriageLevel, Verdict } from '../generated/prisma/enums.js'
import type { Principal } from '../keys/api-keys.js'
import { decodeCursor, encodeCursor } from '../stories/cursor.js'
import type { HarmCategory } from '../triage/types.js'

export interface QueueQuery {
  site?: string | undefined
  status: StoryStatus
  level?: TriageLevel | undefined
  limit: number
  cursor?: string | undefined
}

const levels: readonly TriageLevel[] = ['critical', 'high', 'normal']

/** Site ids the query may see: the key's sites, narrowed to `site` when given. */
async function siteIdsFor (db: Db, principal: Principal, site: string | undefined): Promise<string[] | 'all'> {
  if (site === undefined) return principal.sites === 'all' ? 'all' : [...principal.sites.keys()]
  const found = await db.site.findUnique({ where: { slug: site }, select: { id: true } })
  if (principal.sites !== 'all' && !(found && principal.sites.has(found.id))) throw errors.siteNotCovered(site)
  if (!found) throw errors.siteNotFound(site)
  return [found.id]
}

export async function moderationQueue (db: Db, principal: Principal, q: QueueQuery) {
  const siteIds = await siteIdsFor(db, principal, q.site)
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor)
  if (after && !levels.includes(after.rank as TriageLevel)) throw errors.invalidCursor()
  const conditions = [Prisma.sql`s.status = ${q.status}::"StoryStatus"`]
  if (siteIds !== 'all') conditions.push(Prisma.sql`s.site_id = ANY(${siteIds}::uuid[])`)
  if (q.level) conditions.push(Prisma.sql`s.triage_level = ${q.level}::"TriageLevel"`)
  if (after) {
    conditions.push(Prisma.sql`(s.triage_level, s.created_at, s.id) > (${after.rank}::"TriageLevel", ${after.at}, ${after.id}::uuid)`)
  }
  // Raw SQL because the keyset needs a row comparison, which PostgreSQL orders by enum position.
  const rows = await db.$queryRaw<Array<{
    id: string, site: string, topic: string, title: string, body: string, verdict: Verdict | null,
    status: StoryStatus, triage_level: TriageLevel, triage_categories: string[], created_at: Date
  }>>`
    SELECT s.id, si.slug AS site, t.slug AS topic, s.title, left(s.body, 200) AS body, s.verdict::text AS verdict,
           s.status, s.triage_level, s.triage_categories, s.created_at
    FROM stories s JOIN sites si ON si.id = s.site_id JOIN topics t ON t.id = s.topic_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY s.triage_level, s.created_at, s.id
    LIMIT ${q.limit + 1}`
  const page = rows.slice(0, q.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      site: r.site,
      topic: r.topic,
      title: r.title,
      excerpt: r.body,
      verdict: r.verdict,
      status: r.status,
      triage: { level: r.triage_level, categories: r.triage_categories as HarmCategory[] },
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id, rank: last.triage_level }) : null,
  }
}
