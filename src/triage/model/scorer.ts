// The learned layer of triage behind one interface, so that a stronger encoder can replace the
// linear model later without touching triage.ts: given a story's prepared text and the phrase
// layer's cues, a calibrated probability per head, the thresholds that raise a head, and the
// sentence that most supports a head (evidence when no phrase shows it).
import type { CueCounts } from '../phrases.js'
import { extractFeatures, wordSlot, type StoryText } from './features.js'
import { HEADS, LinearModel, type Head } from './linear.js'

export interface Scorer {
  /** Recorded with every triaged story. */
  readonly version: string
  readonly thresholds: Readonly<Record<Head, number>>
  /** Below these, the model overrules the phrase layer's strong evidence of a category. */
  readonly phraseFloors: Readonly<Record<Head, number>>
  /** The calibrated probability of each head. */
  scores (text: StoryText, cues: CueCounts): Record<Head, number>
  /** The [start, end) of the sentence of `text` (prepared) that most supports `head`, or null. */
  strongestSentence (text: string, head: Head): [number, number] | null
}

// A sentence: up to an end mark or a line break (prepared text is lowercase with folded marks).
const SENTENCE = /[^.!?\n]+[.!?]*/g
const WORD = /[a-z0-9]+(?:'[a-z]+)?/g

export class LinearScorer implements Scorer {
  readonly version: string
  readonly thresholds: Record<Head, number>
  readonly phraseFloors: Record<Head, number>

  constructor (private readonly model: LinearModel) {
    this.version = model.meta.version
    this.thresholds = Object.fromEntries(HEADS.map((h) => [h, model.meta.heads[h].threshold])) as Record<Head, number>
    this.phraseFloors = Object.fromEntries(HEADS.map((h) => [h, model.meta.heads[h].phraseFloor])) as Record<Head, number>
  }

  scores (text: StoryText, cues: CueCounts): Record<Head, number> {
    const f = extractFeatures(text, cues, this.model.meta.families)
    return Object.fromEntries(HEADS.map((h) => [h, this.model.probability(h, f)])) as Record<Head, number>
  }

  /** Sentences are ranked by the head's weights of their words: linear in the text, however long. */
  strongestSentence (text: string, head: Head): [number, number] | null {
    let best: [number, number] | null = null
    let bestScore = -Infinity
    for (const m of text.matchAll(SENTENCE)) {
      let score = 0
      let words = 0
      for (const w of m[0].matchAll(WORD)) {
        score += this.model.weight(head, wordSlot(w[0], false))
        words++
      }
      if (words === 0 || score <= bestScore) continue
      const lead = m[0].length - m[0].trimStart().length
      bestScore = score
      best = [m.index + lead, m.index + m[0].trimEnd().length]
    }
    return best
  }
}

/** The model that ships with Candor (model.json and model.bin beside this file). */
export function shippedScorer (): Scorer {
  return new LinearScorer(LinearModel.load(new URL('./', import.meta.url)))
}
