// What the public may read: approved stories only (comments share the table and are left out),
// contact details masked, newest or most helpful first by keyset.
import type pg from 'pg'
import { preparedQuery } from '../db/prepared.js'
import { errors } from '../errors.js'
import { Prisma } from '../generated/prisma/client.js'
import type { Verdict } from '../generated/prisma/enums.js'
import { publicText } from '../privacy/public-text.js'
import { readerRatingOf } from '../ratings/reader-rating.js'
import { decodeCursor, encodeCursor, type Position } from '../items/cursor.js'

const publicColumns = Prisma.sql`id, title, body, author_name AS "authorName", verdict, content_warnings AS "contentWarnings",
  redactions, published_at AS "publishedAt", rating_count AS "ratingCount", rating_sum AS "ratingSum",
  comment_count AS "commentCount", helpful_score AS "helpfulScore"`

interface PublicRow {
  id: string
  title: string
  body: string
  authorName: string | null
  verdict: Verdict | null
  contentWarnings: string[]
  redactions: unknown
  publishedAt: Date
  ratingCount: number
  ratingSum: number
  commentCount: number
  helpfulScore: number
}

export function toPublicStory (row: PublicRow) {
  return {
    id: row.id,
    title: publicText(row.title, 'title', row.redactions),
    body: publicText(row.body, 'body', row.redactions),
    authorName: row.authorName,
    verdict: row.verdict,
    contentWarnings: row.contentWarnings,
    publishedAt: row.publishedAt.toISOString(),
    readerRating: readerRatingOf(row),
    commentCount: row.commentCount,
  }
}

export type StorySort = 'newest' | 'helpful'

export interface ListOptions {
  limit: number
  cursor?: string | undefined
  verdict?: Verdict | undefined
  sort?: StorySort | undefined
}

/** A helpful-order cursor carries the score as its rank; a newest-order cursor has none. */
function helpfulScoreOf (after: Position): number {
  const score = Number(after.rank)
  if (after.rank === undefined || !Number.isFinite(score) || score < 0 || score > 1) throw errors.invalidCursor()
  return score
}

/**
 * Keyset paging as a row comparison, written to match the partial indexes stories_approved_list_idx
 * and stories_helpful_list_idx: a deep page costs what the first one does.
 */
function orderAndAfter (sort: StorySort, after: Position | undefined) {
  if (sort === 'helpful') {
    return {
      orderBy: Prisma.sql`helpful_score DESC, published_at DESC, id DESC`,
      after: after ? Prisma.sql`AND (helpful_score, published_at, id) < (${helpfulScoreOf(after)}::float8, ${after.at}, ${after.id}::uuid)` : Prisma.empty,
    }
  }
  if (after?.rank !== undefined) throw errors.invalidCursor()
  return {
    orderBy: Prisma.sql`published_at DESC, id DESC`,
    after: after ? Prisma.sql`AND (published_at, id) < (${after.at}, ${after.id}::uuid)` : Prisma.empty,
  }
}

export async function listPublicStories (pool: pg.Pool, topicId: string, opts: ListOptions) {
  const sort = opts.sort ?? 'newest'
  const { orderBy, after } = orderAndAfter(sort, opts.cursor === undefined ? undefined : decodeCursor(opts.cursor))
  const rows = await preparedQuery<PublicRow>(pool, Prisma.sql`
    SELECT ${publicColumns}
    FROM stories
    WHERE topic_id = ${topicId}::uuid AND status = 'approved' AND parent_id IS NULL
      ${opts.verdict ? Prisma.sql`AND verdict = ${opts.verdict}::"Verdict"` : Prisma.empty}
      ${after}
    ORDER BY ${orderBy}
    LIMIT ${opts.limit + 1}`)
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  const nextCursor = rows.length > opts.limit && last
    ? encodeCursor({ at: last.publishedAt, id: last.id, ...(sort === 'helpful' ? { rank: String(last.helpfulScore) } : {}) })
    : null
  return { items: page.map(toPublicStory), nextCursor }
}

export async function getPublicStory (pool: pg.Pool, id: string) {
  const [row] = await preparedQuery<PublicRow>(pool, Prisma.sql`
    SELECT ${publicColumns} FROM stories WHERE id = ${id}::uuid AND status = 'approved' AND parent_id IS NULL`)
  if (!row) throw errors.storyNotFound()
  return toPublicStory(row)
}
