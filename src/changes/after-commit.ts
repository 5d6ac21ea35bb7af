// The one step after a change commits: drop what it made wrong in this instance's caches and tell the
// other instances (src/changes/bus.ts), wake the webhook deliverer when events went to the outbox, and
// count it. Services call it with the change they return; handlers never do any of this by hand.
import { staleningCaches, type Change } from './change.js'

interface Counter<L extends string> { inc: (labels: Record<L, string>) => void }

export interface AfterCommitParts {
  caches: { drop: (change: Change) => void }
  /** Sends the change to the other instances. */
  publish: (change: Change) => void
  kickWebhooks: () => void
  metrics: { storiesSubmitted: Counter<'level'>, decisions: Counter<'action'>, spam: Counter<'reason'> }
}

export function afterCommit ({ caches, publish, kickWebhooks, metrics }: AfterCommitParts): (change: Change) => void {
  return (change) => {
    if (staleningCaches(change)) {
      caches.drop(change)
      publish(change)
    }
    if ((change.area === 'item' && change.events) || change.area === 'outbox') kickWebhooks()
    if (change.area === 'refused') metrics.spam.inc({ reason: change.reason })
    if (change.area !== 'item') return
    if (change.what === 'submitted' && change.level) metrics.storiesSubmitted.inc({ level: change.level })
    if (change.what === 'decided' && change.action) metrics.decisions.inc({ action: change.action })
  }
}
