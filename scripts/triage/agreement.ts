// Agreement between the two independent readings of the double-labelled items (Cohen's kappa on the
// level, and on each category and context as present/absent), from data/triage/labels.jsonl (the
// first reading is `firstReading` where a third reading settled a disagreement) and
// labels-second.jsonl. Run: npx tsx scripts/triage/agreement.ts
import { resolve } from 'node:path'
import { DATA_DIR, readJsonl, type Label } from './data.js'

interface Settled extends Label { firstReading?: Label, settledBy?: string }

/** Cohen's kappa of two raters' answers to the same items. */
export function cohensKappa<T> (a: T[], b: T[]): number {
  const n = a.length
  const values = [...new Set([...a, ...b])]
  const observed = a.filter((x, i) => x === b[i]).length / n
  const expected = values.reduce((sum, v) => sum + (a.filter((x) => x === v).length / n) * (b.filter((x) => x === v).length / n), 0)
  return expected === 1 ? 1 : (observed - expected) / (1 - expected)
}

function main (): void {
  const settled = new Map(readJsonl<Settled>(resolve(DATA_DIR, 'labels.jsonl')).map((l) => [l.id, l]))
  const second = readJsonl<Label>(resolve(DATA_DIR, 'labels-second.jsonl'))
  const pairs = second.map((s) => {
    const l = settled.get(s.id)
    if (l === undefined) throw new Error(`second reading of an unlabelled item: ${s.id}`)
    return [l.firstReading ?? l, s] as const
  })
  const row = (name: string, f: (l: Label) => string | boolean): void => {
    const a = pairs.map(([x]) => f(x))
    const b = pairs.map(([, y]) => f(y))
    const agree = a.filter((x, i) => x === b[i]).length
    console.log(`${name.padEnd(16)} kappa ${cohensKappa(a, b).toFixed(3)}   agreement ${agree}/${pairs.length}`)
  }
  console.log(`${pairs.length} items read twice, independently`)
  row('level', (l) => l.level)
  for (const c of ['self_harm', 'physical_harm', 'trauma_response', 'abuse'] as const) row(c, (l) => l.categories.includes(c))
  for (const c of ['past_relieved', 'other_person'] as const) row(c, (l) => (l.context ?? []).includes(c))
  const disagreements = pairs.filter(([x, y]) => x.level !== y.level || x.categories.join() !== y.categories.join()).length
  const changed = [...settled.values()].filter((l) => l.firstReading !== undefined).length
  console.log(`${disagreements} disagreements on level or categories, settled by a third reading; ${changed} first readings changed by it`)
}

main()
