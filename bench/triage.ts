// Times triage on ~10 kB stories (ordinary, harm-dense, adversarial) against JSON round-trips: `npx tsx bench/triage.ts [runs]`.
import { longStories } from '../tests/triage/long-stories.js'
import { triage } from '../src/triage/triage.js'

const RUNS = Number(process.argv[2] ?? 2000)
const WARMUP = 300

interface Row { kind: string, bytes: number, mean: number, p50: number, p99: number, perSecond: number }

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

function row (kind: string, bytes: number, ms: Float64Array): Row {
  const sorted = Float64Array.from(ms).sort()
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  const mean = ms.reduce((s, x) => s + x, 0) / ms.length
  return { kind, bytes, mean, p50: at(0.5), p99: at(0.99), perSecond: 1000 / mean }
}

const rows: Row[] = []
let sink = 0
for (const story of longStories()) {
  const input = { title: story.title, body: story.body }
  const bytes = Buffer.byteLength(input.title) + Buffer.byteLength(input.body)
  rows.push(row(story.kind, bytes, time(RUNS, () => { sink += triage(input).evidence.length })))
  rows.push(row(`  JSON round-trip (${story.kind})`, bytes, time(RUNS, () => { sink += (JSON.parse(JSON.stringify(input)) as { body: string }).body.length })))
}

const pad = (s: string, n: number): string => s.padEnd(n)
const num = (x: number, n: number, d = 3): string => x.toFixed(d).padStart(n)
console.log(`${pad('kind', 34)}${'bytes'.padStart(7)}${'mean ms'.padStart(10)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'runs/s'.padStart(10)}`)
for (const r of rows) {
  console.log(`${pad(r.kind, 34)}${String(r.bytes).padStart(7)}${num(r.mean, 10)}${num(r.p50, 9)}${num(r.p99, 9)}${num(r.perSecond, 10, 0)}`)
}
if (sink < 0) console.log(sink)
