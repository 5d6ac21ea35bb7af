// Moderator decisions: which state each action moves a story from and to, applied with optimistic
// concurrency (the If-Match version), refused while another moderator holds a claim, left to admins
// once escalated, and written together with its audit event and its webhook event.
import { keyActor, recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { Prisma } from '../generated/prisma/client.js'
import type { StoryStatus } from '../generated/prisma/enums.js'
import type { Principal } from '../keys/api-keys.js'
import { enqueueEvent } from '../webhooks/events.js'
import { eventName, eventSubject } from '../items/kinds.js'
import { confirmTriage } from '../items/triage-labels.js'
import { assertNotClaimedByOther, ifMatchAccepts, loadForModerator, moderationInclude, type ModerationRecord } from './moderation-story.js'

type Decision = Schemas['Decision']

interface Outcome {
  to: StoryStatus
  data: Prisma.StoryUpdateManyMutationInput
}

/** The rules, one place: returns the new state or throws 409 (not from this state) or 400 (no reason). */
export function outcomeOf (story: ModerationRecord, decision: Decision, now: Date): Outcome {
  const outcome = transition(story, decision, now)
  if ((decision.action === 'reject' || decision.action === 'remove') && !decision.reason) throw errors.reasonRequired(decision.action)
  return outcome
}

function transition (story: ModerationRecord, decision: Decision, now: Date): Outcome {
  const { action } = decision
  const flagged = story.status === 'approved' && story.flaggedAt !== null
  const refuse = (): never => { throw errors.invalidTransition(action, story.escalatedAt ? `${story.status} (escalated)` : story.status) }
  switch (action) {
    case 'approve':
      if (story.status !== 'pending' && !flagged) return refuse()
      return {
        to: 'approved',
        data: {
          publishedAt: story.publishedAt ?? now,
          flaggedAt: null,
          escalatedAt: null,
          contentWarnings: decision.contentWarnings ?? (story.contentWarnings.length ? story.contentWarnings : story.triageCategories),
        },
      }
    case 'reject':
      if (story.status !== 'pending') return refuse()
      return { to: 'rejected', data: { escalatedAt: null } }
    case 'escalate':
      if ((story.status !== 'pending' && !flagged) || story.escalatedAt) return refuse()
      return { to: story.status, data: { escalatedAt: now } }
    case 'remove':
      if (story.status !== 'approved') return refuse()
      return { to: 'removed', data: { flaggedAt: null, escalatedAt: null } }
    case 'restore':
      if (story.status === 'removed') return { to: 'approved', data: {} }
      if (story.status === 'rejected') return { to: 'pending', data: {} }
      return refuse()
  }
}

export async function decide (db: Db, principal: Principal, id: string, ifMatch: string | undefined, decision: Decision, now = new Date()) {
  if (ifMatch === undefined) throw errors.ifMatchRequired()
  const story = await loadForModerator(db, principal, id)
  if (!ifMatchAccepts(ifMatch, story)) throw errors.stale()
  if (story.escalatedAt && principal.role !== 'admin') throw errors.escalatedToAdmins()
  assertNotClaimedByOther(story, principal)
  const { to, data } = outcomeOf(story, decision, now)
  return await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      // The version guard makes a concurrent change lose cleanly instead of overwriting it.
      where: { id, version: story.version },
      data: { ...data, status: to, version: { increment: 1 }, claimKeyId: null, claimExpiresAt: null, overdueNotifiedAt: null },
    })
    if (count === 0) throw errors.stale()
    if (decision.action === 'approve' || decision.action === 'reject') await confirmTriage(tx, story)
    await recordEvent(tx, {
      storyId: id,
      ...keyActor(principal.keyId),
      action: decision.action,
      fromStatus: story.status,
      toStatus: to,
      reason: decision.reason ?? null,
      note: decision.note ?? null,
    })
    await enqueueEvent(tx, story.siteId, eventName(story, 'decided'), {
      ...eventSubject(story), site: story.site.slug, topic: story.topic.slug, action: decision.action, fromStatus: story.status, toStatus: to, reason: decision.reason ?? null,
    })
    return await tx.story.findUniqueOrThrow({ where: { id }, include: moderationInclude })
  })
}
