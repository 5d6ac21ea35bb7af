// What the public may read: approved stories only, contact details masked, newest first by keyset.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
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

export async function listPublicStories (db: Db, topicId: string, opts: ListOptions) {
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor)
  const rows = await db.story.findMany({
    where: {
      topicId,
      status: 'approved',
      ...(opts.verdict ? { verdict: opts.verdict } : {}),
      ...(after ? { OR: [{ publishedAt: { lt: after.at } }, { publishedAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: opts.limit + 1,
    select: publicFields,
  })
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
