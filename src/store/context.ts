// What every service is built from: the instance's connections, where triage runs, and the after-commit step.
import type { Change } from '../changes/change.js'
import type { TriageRunner } from '../triage/runner.js'
import type { Pools } from './pools.js'

export interface ServiceContext extends Omit<Pools, 'close' | 'redis'> {
  /** Call after a change commits, with what it changed (src/changes/after-commit.ts). */
  committed: (change: Change) => void
  /** Triage, off the event loop unless TRIAGE_THREADS=0 (src/triage/runner.ts). */
  triage: TriageRunner['run']
}
