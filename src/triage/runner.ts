// Where triage runs for the service: on worker threads (piscina), so that a long or hostile story
// (about 8 ms at the longest body the API accepts, `npm run bench`) never holds up the event loop and
// other requests; or, with TRIAGE_THREADS=0, in-process. Each worker loads the model once (~0.1 s,
// ~17 MB) when it starts; the same code and model answer either way.
import { Piscina } from 'piscina'
import { triage } from './triage.js'
import type { TriageInput, TriageResult } from './types.js'

export interface TriageRunner {
  run: (input: TriageInput) => Promise<TriageResult>
  close: () => Promise<void>
}

export function triageRunner (threads: number): TriageRunner {
  if (threads === 0) return { run: async (input) => triage(input), close: async () => {} }
  // From source (tsx) the worker is TypeScript and needs tsx's loader; compiled, it is plain JavaScript.
  const fromSource = import.meta.url.endsWith('.ts')
  const pool = new Piscina<TriageInput, TriageResult>({
    filename: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  })
  return {
    run: async (input) => await pool.run(input),
    close: async () => { await pool.destroy() },
  }
}
