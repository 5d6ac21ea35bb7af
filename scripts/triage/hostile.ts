// Hostile copies of labelled stories: the words that carry the harm disguised with invisible
// characters, look-alike letters from other scripts, full-width forms and digit substitutions, as
// someone hiding from triage would write them. Seeded, so a copy is the same every run.
import type { LabelledItem } from './data.js'
import { random } from './logistic.js'

// Evasions: each maps one word to a disguised spelling of it.
const ZWJ = '\u200D'
const SHY = '\u00AD'
const LOOK_ALIKE: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043E', i: '\u0456', c: '\u0441', p: '\u0440' }
const LEET: Record<string, string> = { i: '1', e: '3', o: '0', a: '4', s: '5' }
const EVASIONS: Array<(w: string) => string> = [
  (w) => `${w.slice(0, 1)}${ZWJ}${w.slice(1)}`,
  (w) => `${w.slice(0, 2)}${SHY}${w.slice(2)}`,
  (w) => w.replace(/[aeoicp]/, (c) => LOOK_ALIKE[c] ?? c),
  (w) => [...w].map((c) => String.fromCodePoint((c.codePointAt(0) as number) + 0xFEE0)).join(''),
  (w) => w.replace(/[ieoas](?=[a-z])/, (c) => LEET[c] ?? c),
]

/** A dev story with every word of five letters or more disguised by one of the evasions (seeded). */
export function disguise (item: LabelledItem, seed: number): LabelledItem {
  const rand = random(seed)
  const hide = (text: string): string => text.replace(/\b[a-z]{5,}\b/g, (w) => (EVASIONS[Math.floor(rand() * EVASIONS.length)] as (w: string) => string)(w))
  return { ...item, id: `${item.id}-hostile`, source: 'dev-hostile', title: hide(item.title), body: hide(item.body) }
}

