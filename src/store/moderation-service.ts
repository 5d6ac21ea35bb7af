// Moderation: the queue (a prepared statement on the pg pool, see pools.ts), reader-rating activity,
// an item with its history, claims, decisions, edits and triage corrections, triage's measured
// quality, and the overdue announcements.
import { storyHistory } from '../audit/audit.js'
import { publicPlace, type ItemChange } from '../changes/change.js'
import type { Schemas } from '../contract/types.js'
import { siteIdsInScope, type Principal } from '../keys/api-keys.js'
import { claimStory, releaseClaim } from '../moderation/claims.js'
import { decide } from '../moderation/decisions.js'
import { editStory, type StoryEdit } from '../moderation/edits.js'
import type { ModerationRecord } from '../moderation/moderation-story.js'
import { loadForModerator } from '../moderation/moderation-story.js'
import { announceOverdue } from '../moderation/overdue.js'
import { moderationQueue, type QueueQuery } from '../moderation/queue.js'
import { correctTriage, type TriageCorrection } from '../moderation/triage-corrections.js'
import { triageQuality, type QualityFilter } from '../moderation/triage-quality.js'
import { ratingActivity, type ActivityQuery } from '../ratings/rating-activity.js'
import type { TriageInput } from '../triage/types.js'
import type { ServiceContext } from './context.js'

/** An item's public place, when its public view may have changed. */
const placeOf = (story: ModerationRecord, changedInPublic: boolean): ItemChange['publicAt'] =>
  changedInPublic ? publicPlace(story) : null

const quiet = (what: ItemChange['what'], id: string): ItemChange => ({ area: 'item', what, id, publicAt: null, events: false })

export function moderationService ({ db, pool, committed, triage }: ServiceContext, claimLeaseSeconds: number) {
  return {
    queue: async (principal: Principal, q: QueueQuery) => await moderationQueue(pool, await siteIdsInScope(db, principal, q.site), q),
    ratingActivity: async (principal: Principal, q: ActivityQuery) => await ratingActivity(db, principal, q),
    item: async (principal: Principal, id: string) => await loadForModerator(db, principal, id),
    history: async (principal: Principal, id: string) => await storyHistory(db, (await loadForModerator(db, principal, id)).id),
    claim: async (principal: Principal, id: string) => {
      const claim = await claimStory(db, principal, id, claimLeaseSeconds)
      committed(quiet('claimed', id))
      return claim
    },
    release: async (principal: Principal, id: string) => {
      await releaseClaim(db, principal, id)
      committed(quiet('released', id))
    },
    decide: async (principal: Principal, id: string, ifMatch: string | undefined, decision: Schemas['Decision']) => {
      const story = await decide(db, principal, id, ifMatch, decision)
      // Approving, removing and restoring to approved change what the public sees; escalating, rejecting and restoring to pending do not.
      const shown = decision.action === 'approve' || decision.action === 'remove' || (decision.action === 'restore' && story.status === 'approved')
      committed({ area: 'item', what: 'decided', id, publicAt: placeOf(story, shown), events: true, action: decision.action })
      return story
    },
    edit: async (principal: Principal, id: string, ifMatch: string | undefined, edit: StoryEdit) => {
      const story = await editStory(db, principal, id, ifMatch, edit)
      committed({ ...quiet('edited', id), publicAt: placeOf(story, story.status === 'approved') })
      return story
    },
    /** A moderator's level and categories, kept as the item's label; nothing public changes. */
    correctTriage: async (principal: Principal, id: string, ifMatch: string | undefined, correction: TriageCorrection) => {
      const story = await correctTriage(db, principal, id, ifMatch, correction)
      committed(quiet('triage-corrected', id))
      return story
    },
    triageQuality: async (principal: Principal, q: QualityFilter) => await triageQuality(db, principal, q),
    /** Triage of a text that is not stored (a moderator trying a wording, the evaluation). */
    triageText: async (input: TriageInput) => await triage(input),
    announceOverdue: async () => {
      if (await announceOverdue(db) > 0) committed({ area: 'outbox' })
    },
  }
}
