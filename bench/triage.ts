// Triage speed, in-process: model load time and memory, and the time to triage a 2,000-character
// story (ordinary, harm-dense, adversarial) against a JSON round-trip of the same story, and the
// time for hostile texts crafted to be slow (one endless sentence, a line per character, look-alike
// and combining letters, negations) at the longest body the API accepts (20,000 characters) and at
// 64 kB. Part of `npm run bench`; alone: `npx tsx bench/triage.ts [runs]`.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { longStories } from '../tests/triage/long-stories.js'
import { triage } from '../src/triage/triage.js'

const WARMUP = 300

export interface TriageTiming { kind: string, bytes: number, mean: number, p50: number, p99: number, jsonMean: number }
export interface HostileTiming { kind: string, chars: number, p50: number, p99: number }
export interface TriageBench { loadMs: number, addedRssMB: number, stories: TriageTiming[], hostile: HostileTiming[] }

/** Units that, repeated, make a text crafted to slow triage down. */
const HOSTILE_UNITS: Record<string, string> = {
  'line per character': 'x\n',
  'one endless sentence': 'a-',
  'combining accents': 'e\u0301',
  'look-alike letters': '\u0430\u0435\u043E ',
  'hidden harm words': 'k\u200Dill my\u2060self ',
  'negations': 'no not never flashbacks ',
  'harm in every sentence': 'I want to die. ',
  'digit substitutions': 'k1ll mys3lf 5ession ',
}
export const HOSTILE_LENGTHS = [20_000, 65_536]

/** Time `fn` `runs` times after a warm-up; milliseconds per run. */
function time (runs: number, fn: () => unknown, warmup = Math.min(WARMUP, runs)): Float64Array {
  for (let i = 0; i < warmup; i++) fn()
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
  const hostile = HOSTILE_LENGTHS.flatMap((chars) => Object.entries(HOSTILE_UNITS).map(([kind, unit]) => {
    const body = unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)
    const ms = time(Math.max(20, Math.floor(runs / 50)), () => { sink += triage({ title: kind, body }).evidence.length })
    return { kind, chars, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99) }
  }))
  if (sink < 0) console.log(sink)
  return { loadMs, addedRssMB, stories, hostile }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const r = measureTriage(Number(process.argv[2] ?? 2000))
  console.log(`model load ${r.loadMs.toFixed(0)} ms, +${r.addedRssMB.toFixed(0)} MB RSS`)
  console.log(`${'kind'.padEnd(22)}${'bytes'.padStart(7)}${'mean ms'.padStart(10)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'JSON ms'.padStart(10)}`)
  for (const s of r.stories) {
    console.log(`${s.kind.padEnd(22)}${String(s.bytes).padStart(7)}${s.mean.toFixed(3).padStart(10)}${s.p50.toFixed(3).padStart(9)}${s.p99.toFixed(3).padStart(9)}${s.jsonMean.toFixed(3).padStart(10)}`)
  }
  console.log(`\n${'hostile text'.padEnd(24)}${'chars'.padStart(7)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`)
  for (const h of r.hostile) console.log(`${h.kind.padEnd(24)}${String(h.chars).padStart(7)}${h.p50.toFixed(2).padStart(9)}${h.p99.toFixed(2).padStart(9)}`)
}
