// Loading a story or comment for a moderator (checking the key covers its site) and the view they get, with its ETag.
import type { Tx } from '../db/client.js'
import { errors } from '../errors.js'
import { coversSite, type Principal } from '../keys/api-keys.js'
import { publicText, type Redaction } from '../privacy/public-text.js'
import { readerRatingOf } from '../ratings/reader-rating.js'
import { fromColumns } from '../triage/stored.js'
import { kindOf } from '../items/kinds.js'
import { toTriageLabelView } from '../items/triage-labels.js'

export const moderationInclude = {
  site: { select: { slug: true } },
  topic: { select: { slug: true } },
  claimKey: { select: { name: true } },
  reports: { select: { reason: true, details: true, createdAt: true }, orderBy: { createdAt: 'desc' } },
  triageLabel: true,
} as const

/** `db` may be a transaction's client: a load inside a transaction must not take a second connection. */
export async function loadForModerator (db: Tx, principal: Principal, id: string) {
  const story = await db.story.findUnique({ where: { id }, include: moderationInclude })
  if (!story) throw errors.storyNotFound()
  if (!coversSite(principal, story.siteId)) throw errors.siteNotCovered()
  return story
}

export type ModerationRecord = Awaited<ReturnType<typeof loadForModerator>>

export { etagFor, ifMatchAccepts } from '../http/etag.js'

/** The unexpired claim on a story, if any. */
export function activeClaim (story: Pick<ModerationRecord, 'claimKeyId' | 'claimExpiresAt' | 'claimKey'>, now = new Date()) {
  if (!story.claimKeyId || !story.claimExpiresAt || story.claimExpiresAt <= now) return null
  return { keyId: story.claimKeyId, name: story.claimKey?.name ?? '', expiresAt: story.claimExpiresAt.toISOString() }
}

/** Throws 409 when someone other than this key holds an unexpired claim. */
export function assertNotClaimedByOther (story: ModerationRecord, principal: Principal): void {
  const claim = activeClaim(story)
  if (claim && claim.keyId !== principal.keyId) throw errors.claimHeld(claim)
}

export function toModerationStory (story: ModerationRecord) {
  return {
    id: story.id,
    kind: kindOf(story),
    storyId: story.parentId,
    site: story.site.slug,
    topic: story.topic.slug,
    title: story.title,
    body: story.body,
    publicTitle: publicText(story.title, 'title', story.redactions),
    publicBody: publicText(story.body, 'body', story.redactions),
    authorName: story.authorName,
    authorEmail: story.authorEmail,
    verdict: story.verdict,
    consent: { publish: story.consentPublish, research: story.consentResearch },
    status: story.status,
    triage: fromColumns(story),
    triageLabel: toTriageLabelView(story.triageLabel),
    contentWarnings: story.contentWarnings,
    redactions: story.redactions as unknown as Redaction[],
    reports: story.reports.map((r) => ({ reason: r.reason, details: r.details, createdAt: r.createdAt.toISOString() })),
    flagged: story.flaggedAt !== null,
    escalated: story.escalatedAt !== null,
    claim: activeClaim(story),
    version: story.version,
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    publishedAt: story.publishedAt?.toISOString() ?? null,
    readerRating: readerRatingOf(story),
    commentCount: story.commentCount,
  }
}
