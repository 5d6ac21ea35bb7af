// What every service is built from: the instance's connections and the after-commit step.
import type { Change } from '../changes/change.js'
import type { Pools } from './pools.js'

export interface ServiceContext extends Omit<Pools, 'close'> {
  /** Call after a change commits, with what it changed (src/changes/after-commit.ts). */
  committed: (change: Change) => void
}
