// Moderator decisions: which status each action moves a story from and to, applied with optimistic
// concurrency (the If-Match version) and written together with its audit event.
import { keyActor, recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { StoryStatus } from '../generated/prisma/enums.js'
import type { Principal } from '../keys/api-keys.js'
import { ifMatchAccepts, loadForModerator, moderationInclude } from './moderation-story.js'

type Action = Schemas['Decision']['action']

export const transitions: Record<Action, { from: readonly StoryStatus[], to: StoryStatus }> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  remove: { from: ['approved'], to: 'removed' },
}

export async function decide (db: Db, principal: Principal, id: string, ifMatch: string | undefined, decision: Schemas['Decision']) {
  if (ifMatch === undefined) throw errors.ifMatchRequired()
  const story = await loadForModerator(db, principal, id)
  if (!ifMatchAccepts(ifMatch, story)) throw errors.stale()
  const { from, to } = transitions[decision.action]
  if (!from.includes(story.status)) throw errors.invalidTransition(decision.action, story.status)
  return await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      // The version guard makes a concurrent change lose cleanly instead of overwriting.
      where: { id, version: story.version },
      data: {
        status: to,
        version: { increment: 1 },
        ...(to === 'approved'
          ? { publishedAt: new Date(), contentWarnings: decision.contentWarnings ?? story.triageCategories }
          : {}),
      },
    })
    if (count === 0) throw errors.stale()
    await recordEvent(tx, {
      storyId: id,
      ...keyActor(principal.keyId),
      action: decision.action,
      fromStatus: story.status,
      toStatus: to,
      reason: decision.reason ?? null,
      note: decision.note ?? null,
    })
    return await tx.story.findUniqueOrThrow({ where: { id }, include: moderationInclude })
  })
}
