// A worker thread's triage (src/triage/runner.ts sends it the long texts): the same function, off the event loop.
import { triage } from './triage.js'
import type { TriageInput, TriageResult } from './types.js'

export default function triageInWorker (input: TriageInput): TriageResult {
  return triage(input)
}
