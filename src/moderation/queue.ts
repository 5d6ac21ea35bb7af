// The moderation queue of stories and comments: critical, high, normal; then more harm reports; then
// oldest. Limited to the key's sites and paged by keyset on (level, harm reports, created_at, id).
// Each item says why it is there, and a comment names the story it answers.
import type pg from 'pg'
import { preparedQuery } from '../db/prepared.js'
import { errors } from '../errors.js'
import { Prisma } from '../generated/prisma/client.js'
import type { StoryStatus, TriageLevel, Verdict } from '../generated/prisma/enums.js'
import { decodeCursor, encodeCursor } from '../items/cursor.js'
import type { HarmCategory } from '../triage/types.js'
import { kindOf, type ItemKind } from '../items/kinds.js'
import { dueAt, needsDecision, queuedAt } from './sql.js'

export interface QueueQuery {
  site?: string | undefined
  status?: StoryStatus | undefined
  level?: TriageLevel | undefined
  category?: HarmCategory | undefined
  kind?: ItemKind | undefined
  overdue?: boolean | undefined
  escalated: boolean
  limit: number
  cursor?: string | undefined
}

interface QueueRow {
  id: string, parent_id: string | null, site: string, topic: string, title: string, excerpt: string, verdict: Verdict | null
  status: StoryStatus, triage_level: TriageLevel, triage_categories: string[], harm_reports: number
  created_at: Date, queued_at: Date, due_at: Date, flagged: boolean, escalated: boolean
  claim_key_id: string | null, claim_name: string | null, claim_expires_at: Date | null
  reports: Record<string, number> | null
}

const levels: readonly TriageLevel[] = ['critical', 'high', 'normal']
const reasons = ['harm', 'spam', 'privacy', 'misinformation', 'other'] as const

/** The cursor's rank carries the level and the harm-report count: "critical:2". */
function keysetCondition (cursor: string): Prisma.Sql {
  const after = decodeCursor(cursor)
  const [level, reports] = (after.rank ?? '').split(':')
  if (!levels.includes(level as TriageLevel) || !/^\d{1,9}$/.test(reports ?? '')) throw errors.invalidCursor()
  // Row comparison with the report count negated, so that "more reports first" sorts ascending too.
  return Prisma.sql`(s.triage_level, -s.harm_reports, s.created_at, s.id) > (${level}::"TriageLevel", ${-Number(reports)}, ${after.at}, ${after.id}::uuid)`
}

/** The queue's page within `siteIds` (the key's sites, narrowed to `q.site`: see keys/api-keys.ts siteIdsInScope). */
export async function moderationQueue (pool: pg.Pool, siteIds: string[] | 'all', q: QueueQuery, now = new Date()) {
  const conditions = [q.status ? Prisma.sql`s.status = ${q.status}::"StoryStatus"` : needsDecision]
  if (!q.status) conditions.push(q.escalated ? Prisma.sql`s.escalated_at IS NOT NULL` : Prisma.sql`s.escalated_at IS NULL`)
  if (siteIds !== 'all') conditions.push(Prisma.sql`s.site_id = ANY(${siteIds}::uuid[])`)
  if (q.level) conditions.push(Prisma.sql`s.triage_level = ${q.level}::"TriageLevel"`)
  if (q.category) conditions.push(Prisma.sql`${q.category} = ANY(s.triage_categories)`)
  if (q.kind) conditions.push(q.kind === 'story' ? Prisma.sql`s.parent_id IS NULL` : Prisma.sql`s.parent_id IS NOT NULL`)
  if (q.overdue !== undefined) conditions.push(q.overdue ? Prisma.sql`${dueAt} < ${now}` : Prisma.sql`${dueAt} >= ${now}`)
  if (q.cursor !== undefined) conditions.push(keysetCondition(q.cursor))
  // The inner query reads stories only (in the order of stories_needs_decision_idx, whose predicate
  // needsDecision repeats) and stops at the page size; names and report counts join the page after.
  const rows = await preparedQuery<QueueRow>(pool, Prisma.sql`
    SELECT page.*, si.slug AS site, t.slug AS topic, k.name AS claim_name,
           (SELECT jsonb_object_agg(reason, n) FROM (
              SELECT r.reason::text AS reason, count(*)::int AS n FROM reports r WHERE r.story_id = page.id GROUP BY r.reason) c) AS reports
    FROM (
      SELECT s.id, s.parent_id, s.site_id, s.topic_id, left(s.body, 200) AS excerpt, s.verdict,
             -- a comment shows the title of its story (a scalar subquery plans faster than a self-join)
             CASE WHEN s.parent_id IS NULL THEN s.title ELSE (SELECT p.title FROM stories p WHERE p.id = s.parent_id) END AS title,
             s.status, s.triage_level, s.triage_categories, s.harm_reports, s.created_at,
             ${queuedAt} AS queued_at, ${dueAt} AS due_at,
             s.flagged_at IS NOT NULL AS flagged, s.escalated_at IS NOT NULL AS escalated,
             CASE WHEN s.claim_expires_at > ${now} THEN s.claim_key_id END AS claim_key_id,
             CASE WHEN s.claim_expires_at > ${now} THEN s.claim_expires_at END AS claim_expires_at
      FROM stories s JOIN sites si ON si.id = s.site_id
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY s.triage_level, s.harm_reports DESC, s.created_at, s.id
      LIMIT ${q.limit + 1}
    ) page
    JOIN sites si ON si.id = page.site_id JOIN topics t ON t.id = page.topic_id
    LEFT JOIN api_keys k ON k.id = page.claim_key_id
    ORDER BY page.triage_level, page.harm_reports DESC, page.created_at, page.id`)
  const page = rows.slice(0, q.limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => toQueueItem(r, now)),
    nextCursor: rows.length > q.limit && last
      ? encodeCursor({ at: last.created_at, id: last.id, rank: `${last.triage_level}:${last.harm_reports}` })
      : null,
  }
}

function toQueueItem (r: QueueRow, now: Date) {
  return {
    id: r.id,
    kind: kindOf({ parentId: r.parent_id }),
    storyId: r.parent_id,
    site: r.site,
    topic: r.topic,
    title: r.title,
    excerpt: r.excerpt,
    verdict: r.verdict,
    status: r.status,
    triage: { level: r.triage_level, categories: r.triage_categories as HarmCategory[] },
    reports: Object.fromEntries(reasons.map((reason) => [reason, r.reports?.[reason] ?? 0])) as Record<(typeof reasons)[number], number>,
    flagged: r.flagged,
    escalated: r.escalated,
    claim: r.claim_key_id && r.claim_expires_at
      ? { keyId: r.claim_key_id, name: r.claim_name ?? '', expiresAt: r.claim_expires_at.toISOString() }
      : null,
    createdAt: r.created_at.toISOString(),
    ageSeconds: Math.max(0, Math.floor((now.getTime() - r.queued_at.getTime()) / 1000)),
    dueAt: r.due_at.toISOString(),
    overdue: r.due_at.getTime() < now.getTime(),
  }
}
