// Readers' comments on an approved story: which story may take one (they are then submitted through
// the same pipeline as stories, see src/store/comments-service.ts), and the approved ones, oldest first.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { Prisma } from '../generated/prisma/client.js'
import { publicText } from '../privacy/public-text.js'
import { decodeCursor, encodeCursor } from '../items/cursor.js'

/** The approved story a comment would answer, with the topic and site it inherits. */
export async function commentableStory (db: Db, storyId: string) {
  const story = await db.story.findFirst({
    where: { id: storyId, status: 'approved', parentId: null },
    select: { id: true, topic: { select: { id: true, slug: true, siteId: true, site: { select: { slug: true, settings: true } } } } },
  })
  if (!story) throw errors.storyNotFound()
  return story
}

interface CommentRow {
  id: string
  parentId: string
  body: string
  authorName: string | null
  contentWarnings: string[]
  redactions: unknown
  publishedAt: Date
}

/** Approved comments, oldest first, by keyset on stories_approved_comments_idx. */
export async function listComments (db: Db, storyId: string, opts: { limit: number, cursor?: string | undefined }) {
  await commentableStory(db, storyId)
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor)
  if (after?.rank !== undefined) throw errors.invalidCursor()
  const rows = await db.$queryRaw<CommentRow[]>`
    SELECT id, parent_id AS "parentId", body, author_name AS "authorName", content_warnings AS "contentWarnings",
           redactions, published_at AS "publishedAt"
    FROM stories
    WHERE parent_id = ${storyId}::uuid AND status = 'approved'
      ${after ? Prisma.sql`AND (published_at, id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY published_at, id
    LIMIT ${opts.limit + 1}`
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({
      id: row.id,
      storyId: row.parentId,
      body: publicText(row.body, 'body', row.redactions),
      authorName: row.authorName,
      contentWarnings: row.contentWarnings,
      publishedAt: row.publishedAt.toISOString(),
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ at: last.publishedAt, id: last.id }) : null,
  }
}
