// Turns measurements into the result rows (ratio to ceiling, target, pass/fail) and renders them as Markdown and JSON.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LoadResult } from './load.js'
import type { SubmitResult } from './scenarios.js'
import { HOSTILE_LENGTHS, type HostileTiming, type TriageBench } from './triage.js'

export interface Row {
  scenario: string
  requestsPerSecond: number | null
  p50Ms: number | null
  p99Ms: number | null
  errors: number | null
  /** Which ceiling the ratio is taken against. */
  ceiling: 'constant' | 'pg' | null
  ratio: number | null
  target: string
  pass: boolean | null
  note: string
}

export interface Ceilings { constant: LoadResult, pg: LoadResult }

const fromLoad = (scenario: string, r: LoadResult, ceiling: Row['ceiling'], ceilings: Ceilings | null): Omit<Row, 'target' | 'pass' | 'note'> => ({
  scenario,
  requestsPerSecond: r.requestsPerSecond,
  p50Ms: r.p50Ms,
  p99Ms: r.p99Ms,
  errors: r.errors,
  ceiling,
  ratio: ceiling && ceilings ? r.requestsPerSecond / ceilings[ceiling].requestsPerSecond : null,
})

/** "500×42, 409×3" for the responses outside 2xx (empty when there are none). */
export const badStatuses = (r: LoadResult): string =>
  Object.entries(r.statusCodes ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, n]) => `${code}×${n}`).join(', ')

const withStatuses = (note: string, r: LoadResult): string => [note, badStatuses(r)].filter(Boolean).join('; ')

export function ceilingRow (name: string, r: LoadResult): Row {
  return { ...fromLoad(name, r, null, null), ratio: 1, target: 'ceiling (best of start/end of run)', pass: null, note: '' }
}

export function ratioRow (name: string, r: LoadResult, ceiling: 'constant' | 'pg', ceilings: Ceilings, minRatio: number, maxP99?: number, extra?: { ok: boolean, target: string, note: string }): Row {
  const row = fromLoad(name, r, ceiling, ceilings)
  const ok = (row.ratio ?? 0) >= minRatio && (maxP99 === undefined || r.p99Ms < maxP99) && r.errors === 0 && (extra?.ok ?? true)
  const target = [`≥ ${minRatio} × ${ceiling}`, maxP99 !== undefined ? `p99 < ${maxP99} ms` : '', extra?.target ?? ''].filter(Boolean).join(', ')
  return { ...row, target, pass: ok, note: withStatuses(extra?.note ?? '', r) }
}

export function submitRow (r: SubmitResult, ceilings: Ceilings): Row {
  const durable = r.durable === r.acknowledged && r.acknowledged === r.ok2xx
  const ok = r.requestsPerSecond >= 1500 && r.p99Ms < 50 && r.errors === 0 && durable
  return {
    ...fromLoad('POST …/stories (submit)', r, 'constant', ceilings),
    target: '≥ 1,500 req/s, p99 < 50 ms, all durable',
    pass: ok,
    note: withStatuses(`${r.durable.toLocaleString('en')} of ${r.acknowledged.toLocaleString('en')} acknowledged ids found in the database`, r),
  }
}

export function latencyRow (name: string, r: LoadResult, ceiling: 'constant' | 'pg', ceilings: Ceilings, maxP99: number, note = ''): Row {
  return { ...fromLoad(name, r, ceiling, ceilings), target: `p99 < ${maxP99} ms`, pass: r.p99Ms < maxP99 && r.errors === 0, note: withStatuses(note, r) }
}

/** A scenario measured by a separate script (its figures are in bench/README.md). */
/** Triage of 2,000-character stories, in-process: the worst p99 over the kinds of story. */
export function triageRow (t: TriageBench): Row {
  const worst = t.stories.reduce((a, b) => (b.p99 > a.p99 ? b : a))
  const meanOfMeans = t.stories.reduce((s, x) => s + x.mean, 0) / t.stories.length
  return {
    scenario: 'triage, 2,000-character story (in-process)',
    requestsPerSecond: 1000 / meanOfMeans,
    p50Ms: worst.p50,
    p99Ms: worst.p99,
    errors: null,
    ceiling: null,
    ratio: null,
    target: 'p99 ≤ 10 ms; model load ≤ 1 s; ≤ 100 MB added',
    pass: worst.p99 <= 10 && t.loadMs <= 1000 && t.addedRssMB <= 100,
    note: `worst p99: ${worst.kind}; mean ${meanOfMeans.toFixed(2)} ms over ${t.stories.length} kinds; model load ${t.loadMs.toFixed(0)} ms, +${t.addedRssMB.toFixed(0)} MB RSS`,
  }
}

/** Triage of texts crafted to be slow, in-process: the worst p99 at the longest body the API accepts,
 *  with the worst at 64 kB alongside. */
export function hostileTriageRow (t: TriageBench): Row {
  const worstAt = (chars: number): HostileTiming => t.hostile.filter((h) => h.chars === chars).reduce((a, b) => (b.p99 > a.p99 ? b : a))
  const api = worstAt(HOSTILE_LENGTHS[0] as number)
  const big = worstAt(HOSTILE_LENGTHS[1] as number)
  return {
    scenario: `triage, hostile ${api.chars.toLocaleString('en')}-character body (in-process)`,
    requestsPerSecond: null,
    p50Ms: api.p50,
    p99Ms: api.p99,
    errors: null,
    ceiling: null,
    ratio: null,
    target: 'p99 ≤ 10 ms at the longest body the API accepts',
    pass: api.p99 <= 10,
    note: `worst: ${api.kind}; at ${big.chars.toLocaleString('en')} characters the worst p99 is ${big.p99.toFixed(1)} ms (${big.kind})`,
  }
}

export function separateRow (name: string, target: string, script: string): Row {
  return { scenario: name, requestsPerSecond: null, p50Ms: null, p99Ms: null, errors: null, ceiling: null, ratio: null, target, pass: null, note: `measured by ${script}` }
}

/** Growth: latency at the big size over latency at the small size, p50 and p99. */
/** Compares mean and p99 latency: autocannon reports p50 in whole milliseconds, too coarse at 1–2 ms. */
export function growthRow (name: string, big: LoadResult, small: LoadResult, bigN: number, smallN: number): Row {
  const mean = big.meanMs / Math.max(small.meanMs, 0.001)
  const p99 = big.p99Ms / Math.max(small.p99Ms, 0.001)
  return {
    scenario: `growth: ${name} ${short(bigN)} vs ${short(smallN)}`,
    requestsPerSecond: small.requestsPerSecond,
    p50Ms: small.p50Ms,
    p99Ms: small.p99Ms,
    errors: small.errors,
    ceiling: null,
    ratio: Math.max(mean, p99),
    target: 'latency ≤ 1.5× (mean and p99)',
    pass: mean <= 1.5 && p99 <= 1.5 && small.errors === 0,
    note: `figures at ${short(smallN)}; mean ×${mean.toFixed(2)}, p99 ×${p99.toFixed(2)}, req/s ×${(big.requestsPerSecond / Math.max(small.requestsPerSecond, 1)).toFixed(2)}`,
  }
}

const short = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n))
const num = (x: number | null, digits = 0): string => (x === null ? '–' : x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }))

export function markdownTable (rows: Row[]): string {
  const head = '| scenario | req/s | p50 ms | p99 ms | errors / non-2xx | ratio | target | result | notes |\n|---|--:|--:|--:|--:|--:|---|---|---|'
  const lines = rows.map((r) => `| ${r.scenario} | ${num(r.requestsPerSecond)} | ${num(r.p50Ms, 1)} | ${num(r.p99Ms, 1)} | ${num(r.errors)} | ` +
    `${r.ratio === null ? '–' : r.ratio.toFixed(r.ratio < 0.1 ? 3 : 2) + (r.ceiling ? ` × ${r.ceiling}` : '')} | ${r.target} | ${r.pass === null ? (r.note.startsWith('TODO') ? 'TODO' : '') : r.pass ? 'pass' : '**FAIL**'} | ${r.note} |`)
  return [head, ...lines].join('\n')
}

export async function writeResults (dir: string, report: Record<string, unknown> & { rows: Row[], title: string }): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'latest.json'), JSON.stringify(report, null, 2) + '\n')
  await writeFile(join(dir, 'latest.md'), `# ${report.title}\n\n${markdownTable(report.rows)}\n`)
}
