// What the public may read: approved stories only, contact details masked, newest first by keyset.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { Prisma } from '../generated/prisma/client.js'
import type { Verdict } from '../generated/prisma/enums.js'
import { publicText } from '../privacy/public-text.js'
import { decodeCursor, encodeCursor } from './cursor.js'

const publicFields = { id: true, title: true, body: true, authorName: true, verdict: true, contentWarnings: true, redactions: true, publishedAt: true } as const

interface PublicRow {
  id: string
  title: string
  body: string
  authorName: string | null
  verdict: Verdict | null
  contentWarnings: string[]
  redactions: unknown
  publishedAt: Date | null
}

export function toPublicStory (row: PublicRow) {
  return {
    id: row.id,
    title: publicText(row.title, 'title', row.redactions),
    body: publicText(row.body, 'body', row.redactions),
    authorName: row.authorName,
    verdict: row.verdict,
    contentWarnings: row.contentWarnings,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
  }
}

export interface ListOptions {
  limit: number
  cursor?: string | undefined
  verdict?: Verdict | undefined
}

/**
 * Keyset paging as a row comparison, written to match the partial index stories_approved_list_idx:
 * a deep page costs what the first one does (Prisma's OR form of the cursor cannot narrow the scan).
 */
export async function listPublicStories (db: Db, topicId: string, opts: ListOptions) {
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor)
  const rows = await db.$queryRaw<PublicRow[]>`
    SELECT id, title, body, author_name AS "authorName", verdict, content_warnings AS "contentWarnings",
           redactions, published_at AS "publishedAt"
    FROM stories
    WHERE topic_id = ${topicId}::uuid AND status = 'approved'
      ${opts.verdict ? Prisma.sql`AND verdict = ${opts.verdict}::"Verdict"` : Prisma.empty}
      ${after ? Prisma.sql`AND (published_at, id) < (${after.at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY published_at DESC, id DESC
    LIMIT ${opts.limit + 1}`
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  const nextCursor = rows.length > opts.limit && last?.publishedAt ? encodeCursor({ at: last.publishedAt, id: last.id }) : null
  return { items: page.map(toPublicStory), nextCursor }
}

export async function getPublicStory (db: Db, id: string) {
  const row = await db.story.findFirst({ where: { id, status: 'approved' }, select: publicFields })
  if (!row) throw errors.storyNotFound()
  return toPublicStory(row)
}
