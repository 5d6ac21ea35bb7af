// Harm triage: reads a story's title and body and says whether moderators must see it first, with
// the categories of harm, the spans of text that show each one, a confidence per category, and the
// context a moderator should see without it counting as present risk (suicidal thoughts in the past
// that the treatment relieved; someone else's suicide or self-harm).
//
// Two layers over one folded, prepared copy of the text (text.ts):
//  - the phrase layer (phrases.ts) finds explainable evidence and feeds its cues to the model;
//  - the learned scorer (model/) decides, by the rule in decide.ts: a category is raised when its
//    calibrated probability reaches the threshold chosen at training time, or when the phrase layer
//    shows it and the model does not overrule it (its probability is above a low floor, and for
//    self-harm, the model does not read it as someone else's or as past and relieved).
//    model/MODEL_CARD.md says how both are chosen.
// Every raised category has evidence: the phrase layer's spans, or else the passage that gave the
// model its score.
import { CONTEXTS, decide, reaches } from './decide.js'
import { shippedScorer, type Scorer } from './model/scorer.js'
import type { Passage } from './model/windows.js'
import { phraseTriage, type PreparedStory } from './phrases.js'
import { prepare, toOriginal } from './text.js'
import { HARM_CATEGORIES, levelFor, type Evidence, type HarmCategory, type TriageContext, type TriageInput, type TriageResult } from './types.js'

let shipped: Scorer | undefined
/** The shipped scorer, loaded on first use. */
export function defaultScorer (): Scorer {
  shipped ??= shippedScorer()
  return shipped
}

const round = (p: number): number => Math.round(p * 1000) / 1000

export function triage (input: TriageInput, scorer: Scorer = defaultScorer()): TriageResult {
  const story: PreparedStory = { title: prepare(input.title), body: prepare(input.body) }
  const phrases = phraseTriage(story)
  const { probability: scores, passage } = scorer.score({ title: story.title.text, body: story.body.text }, phrases.cues)
  const categories = decide(scorer, scores, new Set(phrases.triage.categories))
  const evidence: Evidence[] = phrases.triage.evidence.filter((e) => categories.includes(e.category))
  for (const category of categories) {
    if (evidence.some((e) => e.category === category)) continue
    const span = quote(story, passage(category))
    if (span !== null) evidence.push({ category, ...span })
  }
  const context: TriageContext[] = []
  for (const kind of CONTEXTS) {
    if (!reaches(scorer, scores, kind)) continue
    context.push({ kind, confidence: round(scores[kind]), evidence: quote(story, passage(kind)) })
  }
  return {
    level: levelFor(categories),
    categories,
    evidence: evidence.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1)),
    confidence: Object.fromEntries(HARM_CATEGORIES.map((c) => [c, round(scores[c])])) as Record<HarmCategory, number>,
    context,
    model: scorer.version,
  }
}

/** A passage of the prepared text, in the visitor's own offsets and words. */
function quote (story: PreparedStory, passage: Passage | null): Omit<Evidence, 'category'> | null {
  if (passage === null) return null
  const prepared = story[passage.field]
  const [start, end] = toOriginal(prepared, passage.start, passage.end)
  return { field: passage.field, start, end, phrase: prepared.raw.slice(start, end) }
}
