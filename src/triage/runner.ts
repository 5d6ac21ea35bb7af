// Where triage runs for the service. Its cost grows with the text: about 1 ms for a 2,000-character
// story on this machine, up to ~8 ms for a hostile body at the longest the API accepts (`npm run
// bench`). Texts longer than `inlineChars` go to worker threads (piscina), so a long or hostile story
// never holds up the event loop; shorter ones, most stories, are triaged in place, since on two cores
// a thread for every story competes with PostgreSQL (measured: submit throughput 13% lower, p99 2.3×).
// With TRIAGE_THREADS=0 everything is triaged in place. The same code and model answer either way;
// each worker loads the model once (~0.1 s, ~17 MB).
import { Piscina } from 'piscina'
import { triage } from './triage.js'
import type { TriageInput, TriageResult } from './types.js'

export interface TriageRunner {
  run: (input: TriageInput) => Promise<TriageResult>
  /** How many texts went to the worker threads. */
  offLoop: () => number
  close: () => Promise<void>
}

export function triageRunner (threads: number, inlineChars: number): TriageRunner {
  if (threads === 0) return { run: async (input) => triage(input), offLoop: () => 0, close: async () => {} }
  // From source (tsx) the worker is TypeScript and needs tsx's loader; compiled, it is plain JavaScript.
  const fromSource = import.meta.url.endsWith('.ts')
  const pool = new Piscina<TriageInput, TriageResult>({
    filename: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  })
  let sent = 0
  return {
    run: async (input) => {
      if (input.title.length + input.body.length <= inlineChars) return triage(input)
      sent++
      return await pool.run(input)
    },
    offLoop: () => sent,
    close: async () => { await pool.destroy() },
  }
}
