// Triage speed, in-process: model load time and memory, and the time to triage a 2,000-character
// story (ordinary, harm-dense, adversarial) against a JSON round-trip of the same story. Part of
// `npm run bench`; alone: `npx tsx bench/triage.ts [runs]`.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { longStories } from '../tests/triage/long-stories.js'
import { triage } from '../src/triage/triage.js'

const WARMUP = 300

export interface TriageTiming { kind: string, bytes: number, mean: number, p50: number, p99: number, jsonMean: number }
export interface TriageBench { loadMs: number, addedRssMB: number, stories: TriageTiming[] }

/** Time `fn` `runs` times after a warm-up; milliseconds per run. */
function time (runs: number, fn: () => unknown): Float64Array {
  for (let i = 0; i < WARMUP; i++) fn()
  const out = new Float64Array(runs)
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    fn()
    out[i] = Number(process.hrtime.bigint() - t0) / 1e6
  }
  return out
}

const mean = (ms: Float64Array): number => ms.reduce((s, x) => s + x, 0) / ms.length
function quantile (ms: Float64Array, q: number): number {
  const sorted = Float64Array.from(ms).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

export function measureTriage (runs = 2000): TriageBench {
  const rssBefore = process.memoryUsage().rss
  const t0 = performance.now()
  triage({ title: '', body: 'loads the model' })
  const loadMs = performance.now() - t0
  const addedRssMB = (process.memoryUsage().rss - rssBefore) / 2 ** 20
  let sink = 0
  const stories = longStories().map((story) => {
    const input = { title: story.title, body: story.body.slice(0, 2000) }
    const ms = time(runs, () => { sink += triage(input).evidence.length })
    const json = time(runs, () => { sink += (JSON.parse(JSON.stringify(input)) as { body: string }).body.length })
    return { kind: story.kind, bytes: Buffer.byteLength(input.title) + Buffer.byteLength(input.body), mean: mean(ms), p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), jsonMean: mean(json) }
  })
  if (sink < 0) console.log(sink)
  return { loadMs, addedRssMB, stories }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const r = measureTriage(Number(process.argv[2] ?? 2000))
  console.log(`model load ${r.loadMs.toFixed(0)} ms, +${r.addedRssMB.toFixed(0)} MB RSS`)
  console.log(`${'kind'.padEnd(22)}${'bytes'.padStart(7)}${'mean ms'.padStart(10)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'JSON ms'.padStart(10)}`)
  for (const s of r.stories) {
    console.log(`${s.kind.padEnd(22)}${String(s.bytes).padStart(7)}${s.mean.toFixed(3).padStart(10)}${s.p50.toFixed(3).padStart(9)}${s.p99.toFixed(3).padStart(9)}${s.jsonMean.toFixed(3).padStart(10)}`)
  }
}
