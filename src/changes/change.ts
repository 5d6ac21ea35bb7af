// What a committed change touched, as a value. Mutating services return one (and hand it to the
// after-commit step, src/changes/after-commit.ts), which turns it into cache invalidation on every
// instance, the webhook kick and metrics. Nothing else reacts to changes by hand.
import type { Schemas } from '../contract/types.js'
import type { TriageLevel } from '../generated/prisma/enums.js'

/** Where a public item shows: its topic's pages, its own page, and its parent story's (a comment). */
export interface PublicPlace {
  site: string
  topic: string
  id: string
  parentId: string | null
}

/** The public place of an item as read with its site's and topic's slugs. */
export const publicPlace = (item: { id: string, parentId: string | null, site: { slug: string }, topic: { slug: string } }): PublicPlace =>
  ({ site: item.site.slug, topic: item.topic.slug, id: item.id, parentId: item.parentId })

export type ItemWhat =
  | 'submitted' | 'own-edit' | 'reported' | 'rated' | 'withdrawn'
  | 'decided' | 'edited' | 'claimed' | 'released' | 'erased' | 'triage-corrected'

export interface ItemChange {
  area: 'item'
  what: ItemWhat
  id: string
  /** Set when the public could see the change (an approved item appeared, changed or left). */
  publicAt: PublicPlace | null
  /** Webhook events went to the outbox with it. */
  events: boolean
  /** For metrics: a submission's triage level, a decision's action. */
  level?: TriageLevel
  action?: Schemas['Decision']['action']
}

export type Change =
  | ItemChange
  | { area: 'site', site: string }
  | { area: 'topic', site: string, topic: string }
  | { area: 'key', keyId: string }
  /** Overdue items announced: events in the outbox, nothing cached. */
  | { area: 'outbox' }
  /** A submission answered but not stored (signs of automation): only counted. */
  | { area: 'refused', reason: 'honeypot' | 'too_fast' }

/** The changes other instances must hear about: those that make some per-instance cache wrong. */
export function staleningCaches (change: Change): boolean {
  switch (change.area) {
    case 'item': return change.publicAt !== null
    case 'site': case 'topic': case 'key': return true
    default: return false
  }
}
