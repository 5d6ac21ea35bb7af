// The per-instance caches, as one set: each member says which of its entries a change makes wrong.
// The after-commit step drops them here for changes made on this instance, the change bus for changes
// made on others; after a lost notification connection everything is dropped (changes were missed).
import type { Change } from '../changes/change.js'

export interface Droppable {
  drop: (change: Change) => void
  clear: () => void
}

export interface CacheSet extends Droppable {
  add: (member: Droppable) => void
}

export function cacheSet (): CacheSet {
  const members: Droppable[] = []
  return {
    add: (member) => { members.push(member) },
    drop: (change) => { for (const m of members) m.drop(change) },
    clear: () => { for (const m of members) m.clear() },
  }
}
