// The author's own view of a story or comment, reached only with its manage token: the text as written,
// where it stands and since when, how it reads in public, why it was refused, and readers' responses.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { secretMatches } from '../keys/tokens.js'
import { kindOf, type ItemKind } from '../items/kinds.js'
import { publicText } from '../privacy/public-text.js'
import { readerRatingOf } from '../ratings/reader-rating.js'
import { authorReason } from './reasons.js'

const ownItemSelect = {
  id: true, parentId: true, siteId: true, status: true, title: true, body: true, authorName: true, verdict: true,
  redactions: true, contentWarnings: true, manageTokenHash: true, version: true, triageLevel: true,
  commentCount: true, ratingCount: true, ratingSum: true, createdAt: true,
  site: { select: { slug: true, settings: true } },
  topic: { select: { slug: true } },
} as const

const notFound = { story: errors.storyNotFound, comment: errors.commentNotFound }

/**
 * The item the token manages. A withdrawn or erased item is 404 whatever the token: nothing of it is
 * left to show, and the answer does not confirm that it ever existed. A wrong token is 403; the hashes
 * are compared in constant time (src/keys/tokens.ts).
 */
export async function loadOwnItem (db: Db, kind: ItemKind, id: string, manageToken: string) {
  const item = await db.story.findUnique({ where: { id }, select: ownItemSelect })
  if (!item || kindOf(item) !== kind || item.status === 'withdrawn') throw notFound[kind]()
  if (!secretMatches(manageToken, item.manageTokenHash)) throw errors.badManageToken()
  return item
}

export type OwnRecord = Awaited<ReturnType<typeof loadOwnItem>>

/** The audit event that brought the item to its current status (with the moderator's reason code). */
async function lastStatusChange (db: Db, item: OwnRecord) {
  return await db.auditEvent.findFirst({
    where: { storyId: item.id, toStatus: item.status, OR: [{ fromStatus: null }, { fromStatus: { not: item.status } }] },
    orderBy: { id: 'desc' },
    select: { reason: true, createdAt: true },
  })
}

function publicVersion (item: OwnRecord) {
  const title = publicText(item.title, 'title', item.redactions)
  const body = publicText(item.body, 'body', item.redactions)
  return title === item.title && body === item.body ? null : { title, body }
}

export async function ownItemView (db: Db, item: OwnRecord) {
  const change = await lastStatusChange(db, item)
  const { status } = item
  if (status === 'withdrawn') throw new Error('a withdrawn item has no author view') // loadOwnItem refuses it
  const kind = kindOf(item)
  return {
    id: item.id,
    kind,
    storyId: item.parentId,
    status,
    statusChangedAt: (change?.createdAt ?? item.createdAt).toISOString(),
    submittedAt: item.createdAt.toISOString(),
    editable: status === 'pending',
    title: item.title,
    body: item.body,
    authorName: item.authorName,
    verdict: item.verdict,
    publicVersion: publicVersion(item),
    contentWarnings: item.contentWarnings,
    reason: status === 'rejected' || status === 'removed' ? authorReason(change?.reason ?? null) : null,
    responses: kind === 'story' && status === 'approved'
      ? { commentCount: item.commentCount, readerRating: readerRatingOf(item) }
      : null,
  }
}
