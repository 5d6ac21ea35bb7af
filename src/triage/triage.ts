// Harm triage: reads a story's title and body and says whether moderators must see it first, with the
// categories of harm and the spans of text that show each one.
//
// An explainable phrase model, hand-written (no NLP or ML package): regex cues over normalised text
// (lexicon.ts and the cues-*.ts files), a one-edit typo mender for key words (fuzzy.ts), and context
// rules around each match (context.ts, history.ts). The rules that combine matches into a result:
//  - A story is harmful when at least one cue counts as strong evidence: not negated, not
//    hypothetical or reported, not a benefit, a played-down symptom, a professional or a past event.
//  - Background cues (a diagnosis, a history, "survivor of abuse", "hospital") never make a story
//    harmful, but when it is harmful anyway their categories are reported too: moderators want to
//    know that a story about flashbacks comes from an abuse survivor (dev d09 is labelled both).
//  - level: critical iff self_harm; high iff any other category; normal otherwise (levelFor).
//  - Evidence: every strong span; background spans only for a category no strong span shows, so each
//    reported category has at least one span.
import { judge, type FieldState, type Verdict } from './context.js'
import { cueOf, SCANNERS } from './lexicon.js'
import { prepare, toOriginal } from './text.js'
import { levelFor, type Evidence, type HarmCategory, type Triage, type TriageInput } from './types.js'

interface Hit {
  evidence: Evidence
  verdict: Exclude<Verdict, 'none'>
}

const FIELDS = ['title', 'body'] as const

function scanField (field: 'title' | 'body', raw: string, hits: Hit[]): void {
  if (raw.length === 0) return
  const prepared = prepare(raw)
  const { text } = prepared
  // Matches of all categories in text order, so that a negation carries along a list ("no
  // flashbacks, nightmares or panic attacks") whatever the categories of its items.
  const found: Array<{ start: number, end: number, scanner: number, m: RegExpExecArray }> = []
  SCANNERS.forEach((scanner, i) => {
    const re = scanner.regex
    re.lastIndex = 0
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, scanner: i, m })
    }
  })
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const state: FieldState = { negatedEnds: [] }
  for (const f of found) {
    const scanner = SCANNERS[f.scanner]
    if (scanner === undefined) continue
    const cue = cueOf(scanner, f.m)
    const verdict = judge(text, f.start, f.end, cue, state)
    if (verdict === 'none') continue
    const [start, end] = toOriginal(prepared, f.start, f.end)
    hits.push({ verdict, evidence: { category: cue.category, field, start, end, phrase: raw.slice(start, end) } })
  }
}

export function triage (input: TriageInput): Triage {
  const hits: Hit[] = []
  for (const field of FIELDS) scanField(field, input[field], hits)

  const strong = new Set<HarmCategory>(hits.filter((h) => h.verdict === 'strong').map((h) => h.evidence.category))
  if (strong.size === 0) return { level: 'normal', categories: [], evidence: [] }

  const present = new Set<HarmCategory>(hits.map((h) => h.evidence.category))
  const categories = SCANNERS.map((s) => s.category).filter((c) => present.has(c))
  const evidence = hits
    .filter((h) => h.verdict === 'strong' || !strong.has(h.evidence.category))
    .map((h) => h.evidence)
  return { level: levelFor(categories), categories, evidence: dedupe(evidence) }
}

/** Drop repeated spans and spans inside another span of the same category (sort and sweep, so a
 *  long story with many matches stays cheap); the result is in field, then text, order. */
function dedupe (evidence: Evidence[]): Evidence[] {
  const sorted = [...evidence].sort((a, b) => a.field.localeCompare(b.field) || a.category.localeCompare(b.category) ||
    a.start - b.start || b.end - a.end)
  const kept: Evidence[] = []
  let last: Evidence | undefined
  for (const e of sorted) {
    if (last !== undefined && last.field === e.field && last.category === e.category && e.end <= last.end) continue
    kept.push(e)
    last = e
  }
  const order = { title: 0, body: 1 }
  return kept.sort((a, b) => order[a.field] - order[b.field] || a.start - b.start)
}
