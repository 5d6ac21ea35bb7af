// The phrase layer of harm triage: reads a story's title and body and says which categories of harm
// its phrases show, with the spans of text that show each one. It is the evidence a moderator sees and
// one source of the learned model's features (model/features.ts); the model decides the level.
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
import { toOriginal, type Prepared } from './text.js'
import { levelFor, type Evidence, type HarmCategory, type Triage } from './types.js'

interface Hit {
  evidence: Evidence
  verdict: Exclude<Verdict, 'none'>
}

interface Found {
  start: number
  end: number
  /** Where the text the context reads starts. */
  base: number
  cue: CompiledCue
  prepared: Prepared
  context: FieldContext
  field: 'title' | 'body'
  raw: string
  first: boolean
}

/** A story's fields, prepared once (text.ts) for the phrase layer and the model alike. */
export interface PreparedStory {
  title: Prepared
  body: Prepared
}

/** What the phrase layer found, per category: spans that count as harm, spans that only name a
 *  background, and matches turned off by a negation. The model's features read these counts. */
export type CueCounts = Record<HarmCategory, { strong: number, background: number, negated: number }>

export interface PhraseResult {
  triage: Triage
  cues: CueCounts
}

const FIELDS = ['title', 'body'] as const

/** Matches judged per category and field: more adds no evidence a moderator would read, and a
 *  story that repeats a phrase thousands of times must stay cheap to triage. */
const MAX_MATCHES = 64
/** Text kept on each side of the matches for their context: well beyond the longest look (a sentence). */
const CONTEXT_MARGIN = 1000

/** Every match in one field that survives the negation check, in text order. */
function scanField (field: 'title' | 'body', prepared: Prepared, out: Found[], cues: CueCounts): void {
  const { text, raw } = prepared
  if (text.length === 0) return
  const matches: Array<{ start: number, end: number, cue: CompiledCue }> = []
  for (const scanner of SCANNERS) {
    const re = scanner.regex
    re.lastIndex = 0
    let found = 0
    for (let m = re.exec(text); m !== null && found < MAX_MATCHES; m = re.exec(text), found++) {
      matches.push({ start: m.index, end: m.index + m[0].length, cue: cueOf(scanner, m) })
    }
  }
  if (matches.length === 0) return
  // Negation in text order across categories, so that it carries along a list ("no flashbacks,
  // nightmares or bruising") whatever the categories of its items.
  matches.sort((a, b) => a.start - b.start || b.end - a.end)
  // Context is read around the matches only (context.ts never looks further than a sentence), so a
  // long story whose matches sit together is not scanned whole.
  const base = Math.max(0, (matches[0] as { start: number }).start - CONTEXT_MARGIN)
  const last = Math.max(...matches.map((m) => m.end))
  const context = new FieldContext(text.slice(base, Math.min(text.length, last + CONTEXT_MARGIN)))
  for (const m of matches) {
    const negation = context.negation(m.start - base, m.end - base, m.cue)
    if (negation === 'negated') cues[m.cue.category].negated++
    else out.push({ start: m.start, end: m.end, base, cue: m.cue, prepared, context, field, raw, first: negation === 'first' })
  }
}

function toHit (f: Found): Hit | null {
  const verdict = f.context.judge(f.start - f.base, f.end - f.base, f.cue, f.first)
  if (verdict === 'none') return null
  const [start, end] = toOriginal(f.prepared, f.start, f.end)
  return { verdict, evidence: { category: f.cue.category, field: f.field, start, end, phrase: f.raw.slice(start, end) } }
}

const emptyCounts = (): CueCounts => ({
  self_harm: { strong: 0, background: 0, negated: 0 },
  abuse: { strong: 0, background: 0, negated: 0 },
  trauma_response: { strong: 0, background: 0, negated: 0 },
  physical_harm: { strong: 0, background: 0, negated: 0 },
})

export function phraseTriage (story: PreparedStory): PhraseResult {
  const cues = emptyCounts()
  const found: Found[] = []
  for (const field of FIELDS) scanField(field, story[field], found, cues)

  // Strong cues first: background cues only matter once the story is known to be harmful, and
  // most stories are not, so their (costlier) context checks are skipped then.
  const hits: Hit[] = []
  for (const f of found) {
    if (f.cue.strength !== 'strong') continue
    const hit = toHit(f)
    if (hit !== null) hits.push(hit)
  }
  for (const h of hits) cues[h.evidence.category][h.verdict]++
  if (!hits.some((h) => h.verdict === 'strong')) return { triage: { level: 'normal', categories: [], evidence: [] }, cues }
  for (const f of found) {
    if (f.cue.strength !== 'background') continue
    const hit = toHit(f)
    if (hit === null) continue
    hits.push(hit)
    cues[hit.evidence.category][hit.verdict]++
  }

  const strong = new Set<HarmCategory>(hits.filter((h) => h.verdict === 'strong').map((h) => h.evidence.category))
  const present = new Set<HarmCategory>(hits.map((h) => h.evidence.category))
  const categories = SCANNERS.map((s) => s.category).filter((c) => present.has(c))
  const evidence = hits
    .filter((h) => h.verdict === 'strong' || !strong.has(h.evidence.category))
    .map((h) => h.evidence)
  return { triage: { level: levelFor(categories), categories, evidence: dedupe(evidence) }, cues }
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
