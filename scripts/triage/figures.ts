// The four triage figures of ../shared/harm-eval/README.md, with 95% Wilson intervals and a confusion
// matrix of levels, for labelled items and what triage said of them.
import type { HarmCategory, TriageLevel } from '../../src/triage/types.js'
import { wilsonInterval } from '../../src/ratings/wilson.js'

export interface Outcome {
  id: string
  expected: { level: TriageLevel, categories: HarmCategory[] }
  got: { level: TriageLevel, categories: HarmCategory[] }
}

export interface Share { n: number, of: number, value: number, low: number, high: number }

export interface Figures {
  items: number
  harmRecall: Share
  criticalRecall: Share
  falseAlarmRate: Share
  categoryAgreement: Share
  /** confusion[expected][got] */
  confusion: Record<TriageLevel, Record<TriageLevel, number>>
  /** How many `normal` items raised each category: where the false alarms come from. */
  alarmsBy: Record<HarmCategory, number>
}

const LEVELS: TriageLevel[] = ['critical', 'high', 'normal']
const harmful = (l: TriageLevel): boolean => l !== 'normal'

function share (n: number, of: number): Share {
  if (of === 0) return { n, of, value: Number.NaN, low: Number.NaN, high: Number.NaN }
  const { lower, upper } = wilsonInterval(n, of) as { lower: number, upper: number }
  return { n, of, value: n / of, low: lower, high: upper }
}

export function figures (outcomes: Outcome[]): Figures {
  let harm = 0; let harmHit = 0; let crit = 0; let critHit = 0; let normal = 0; let alarms = 0; let agree = 0
  const confusion = Object.fromEntries(LEVELS.map((e) => [e, Object.fromEntries(LEVELS.map((g) => [g, 0]))])) as Figures['confusion']
  const alarmsBy: Record<HarmCategory, number> = { self_harm: 0, abuse: 0, trauma_response: 0, physical_harm: 0 }
  for (const { expected, got } of outcomes) {
    confusion[expected.level][got.level]++
    if (expected.level === 'normal') for (const c of got.categories) alarmsBy[c]++
    if (harmful(expected.level)) {
      harm++
      if (harmful(got.level)) harmHit++
      if (expected.categories.every((c) => got.categories.includes(c))) agree++
    } else {
      normal++
      if (harmful(got.level)) alarms++
    }
    if (expected.level === 'critical') {
      crit++
      if (got.level === 'critical') critHit++
    }
  }
  return {
    items: outcomes.length,
    harmRecall: share(harmHit, harm),
    criticalRecall: share(critHit, crit),
    falseAlarmRate: share(alarms, normal),
    categoryAgreement: share(agree, harm),
    confusion,
    alarmsBy,
  }
}

export const BAR = { harmRecall: 0.95, criticalRecall: 0.98, falseAlarmRate: 0.10, categoryAgreement: 0.85 }

/** Whether figures meet the bar (a figure with nothing to measure does not fail it). */
export function meetsBar (f: Figures): boolean {
  const ok = (s: Share, pass: (v: number) => boolean): boolean => Number.isNaN(s.value) || pass(s.value)
  return ok(f.harmRecall, (v) => v >= BAR.harmRecall) && ok(f.criticalRecall, (v) => v >= BAR.criticalRecall) &&
    ok(f.falseAlarmRate, (v) => v <= BAR.falseAlarmRate) && ok(f.categoryAgreement, (v) => v >= BAR.categoryAgreement)
}

const fmt = (s: Share): string => Number.isNaN(s.value)
  ? '   n/a               '
  : `${s.value.toFixed(3)} [${s.low.toFixed(2)}, ${s.high.toFixed(2)}] ${`${s.n}/${s.of}`.padStart(9)}`

/** One table row a source. */
export function report (rows: Array<{ name: string, f: Figures }>): string {
  const width = Math.max(22, ...rows.map(({ name }) => name.length))
  const head = `${'set'.padEnd(width)} ${'n'.padStart(5)}  ${'harm recall'.padEnd(32)} ${'critical recall'.padEnd(32)} ${'false alarms'.padEnd(32)} categories`
  const lines = rows.map(({ name, f }) =>
    `${name.padEnd(width)} ${String(f.items).padStart(5)}  ${fmt(f.harmRecall).padEnd(32)} ${fmt(f.criticalRecall).padEnd(32)} ${fmt(f.falseAlarmRate).padEnd(32)} ${fmt(f.categoryAgreement)}`)
  return [head, ...lines].join('\n')
}

/** ROC AUC: the chance that a harmful item scores above a harmless one (ties count half); NaN when
 *  either side is empty. Threshold-free, so it compares how well models rank before thresholds. */
export function rocAuc (scores: number[], harmful: boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: harmful[i] === true })).sort((a, b) => a.s - b.s)
  let pos = 0; let neg = 0; let rankSum = 0
  for (let i = 0; i < order.length;) {
    let j = i
    while (j < order.length && order[j]?.s === order[i]?.s) j++
    const midRank = (i + j + 1) / 2 // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (order[k]?.y === true) { pos++; rankSum += midRank } else neg++
    i = j
  }
  return pos === 0 || neg === 0 ? Number.NaN : (rankSum - pos * (pos + 1) / 2) / (pos * neg)
}

export function confusionTable (f: Figures): string {
  const rows = LEVELS.map((e) => `  ${e.padEnd(9)} ${LEVELS.map((g) => String(f.confusion[e][g]).padStart(9)).join('')}`)
  const alarms = Object.entries(f.alarmsBy).map(([c, n]) => `${c} ${n}`).join(', ')
  return [`  expected \\ got ${LEVELS.map((g) => g.padStart(9)).join('')}`.replace('got ', 'got'), ...rows, `  false alarms by category: ${alarms}`].join('\n')
}
