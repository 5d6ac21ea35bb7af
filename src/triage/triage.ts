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
import { FieldContext, type Verdict } from './context.js'
import { cueOf, SCANNERS, type CompiledCue } from './lexicon.js'
import { prepare, toOriginal, type Prepared } from './text.js'
import { levelFor, type Evidence, type HarmCategory, type Triage, type TriageInput } from './types.js'

interface Hit {
  evidence: Evidence
  verdict: Exclude<Verdict, 'none'>
}

interface Found {
  start: number
  end: number
  cue: CompiledCue
  prepared: Prepared
  context: FieldContext
  field: 'title' | 'body'
  raw: string
  first: boolean
}

const FIELDS = ['title', 'body'] as const

/** Every match in one field that survives the negation check, in text order. */
function scanField (field: 'title' | 'body', raw: string, out: Found[]): void {
  if (raw.length === 0) return
  const prepared = prepare(raw)
  const { text } = prepared
  const matches: Array<{ start: number, end: number, cue: CompiledCue }> = []
  for (const scanner of SCANNERS) {
    const re = scanner.regex
    re.lastIndex = 0
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      matches.push({ start: m.index, end: m.index + m[0].length, cue: cueOf(scanner, m) })
    }
  }
  if (matches.length === 0) return
  // Negation in text order across categories, so that it carries along a list ("no flashbacks,
  // nightmares or bruising") whatever the categories of its items.
  matches.sort((a, b) => a.start - b.start || b.end - a.end)
  const context = new FieldContext(text)
  for (const m of matches) {
    const negation = context.negation(m.start, m.end, m.cue)
    if (negation !== 'negated') out.push({ start: m.start, end: m.end, cue: m.cue, prepared, context, field, raw, first: negation === 'first' })
  }
}

function toHit (f: Found): Hit | null {
  const verdict = f.context.judge(f.start, f.end, f.cue, f.first)
  if (verdict === 'none') return null
  const [start, end] = toOriginal(f.prepared, f.start, f.end)
  return { verdict, evidence: { category: f.cue.category, field: f.field, start, end, phrase: f.raw.slice(start, end) } }
}

export function triage (input: TriageInput): Triage {
  const found: Found[] = []
  for (const field of FIELDS) scanField(field, input[field], found)

  // Strong cues first: background cues only matter once the story is known to be harmful, and
  // most stories are not, so their (costlier) context checks are skipped then.
  const hits: Hit[] = []
  for (const f of found) {
    if (f.cue.strength !== 'strong') continue
    const hit = toHit(f)
    if (hit !== null) hits.push(hit)
  }
  if (!hits.some((h) => h.verdict === 'strong')) return { level: 'normal', categories: [], evidence: [] }
  for (const f of found) {
    if (f.cue.strength !== 'background') continue
    const hit = toHit(f)
    if (hit !== null) hits.push(hit)
  }

  const strong = new Set<HarmCategory>(hits.filter((h) => h.verdict === 'strong').map((h) => h.evidence.category))
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
  // Plain code-unit order: the same as localeCompare for these lowercase ASCII names, and cheaper.
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)
  const sorted = [...evidence].sort((a, b) => cmp(a.field, b.field) || cmp(a.category, b.category) ||
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
