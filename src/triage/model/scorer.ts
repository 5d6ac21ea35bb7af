// The learned layer of triage behind one interface, so that a stronger encoder can replace the
// linear model later without touching triage.ts: given a story's prepared text and the phrase
// layer's cues, a calibrated probability per head, the passage that decided it, and the thresholds.
//
// A model reads either the whole text or passages (windows.ts: the title; each body sentence with the
// next), as model.json says (`reads`). Reading passages, a head's score is that of its most telling
// passage, trained as multiple-instance learning (scripts/triage/train.ts): harm is a matter of
// "any", not "on average". Either way the most telling passage is the evidence for a category that
// no phrase shows.
import type { CueCounts } from '../phrases.js'
import { extractFeatures, type StoryText } from './features.js'
import { HEADS, LinearModel, type Head } from './linear.js'
import { passages, type Passage } from './windows.js'

export interface Scored {
  /** The calibrated probability of each head. */
  probability: Record<Head, number>
  /** The passage that most supports a head ([start, end) in the prepared field), null for an empty
   *  story; worked out on first asking, since most stories need none. */
  passage: (head: Head) => Passage | null
}

export interface Scorer {
  /** Recorded with every triaged story. */
  readonly version: string
  readonly thresholds: Readonly<Record<Head, number>>
  /** Below these, the model overrules the phrase layer's strong evidence of a category. */
  readonly phraseFloors: Readonly<Record<Head, number>>
  score (text: StoryText, cues: CueCounts): Scored
}

export class LinearScorer implements Scorer {
  readonly version: string
  readonly thresholds: Record<Head, number>
  readonly phraseFloors: Record<Head, number>

  constructor (private readonly model: LinearModel) {
    this.version = model.meta.version
    this.thresholds = Object.fromEntries(HEADS.map((h) => [h, model.meta.heads[h].threshold])) as Record<Head, number>
    this.phraseFloors = Object.fromEntries(HEADS.map((h) => [h, model.meta.heads[h].phraseFloor])) as Record<Head, number>
  }

  /** Every head's raw score for each passage, in passage order. */
  rawByPassage (text: StoryText, cues: CueCounts): Array<{ passage: Passage, raw: Record<Head, number> }> {
    return passages(text).map((passage) => {
      const f = extractFeatures(passage.text, cues, this.model.meta.families)
      return { passage, raw: Object.fromEntries(HEADS.map((h) => [h, this.model.raw(h, f)])) as Record<Head, number> }
    })
  }

  score (text: StoryText, cues: CueCounts): Scored {
    let scored: Array<{ passage: Passage, raw: Record<Head, number> }> | undefined
    const best = (h: Head): { passage: Passage, raw: Record<Head, number> } | undefined => {
      scored ??= this.rawByPassage(text, cues)
      let top: { passage: Passage, raw: Record<Head, number> } | undefined
      for (const s of scored) if (top === undefined || s.raw[h] > top.raw[h]) top = s
      return top
    }
    const whole = this.model.meta.reads === 'whole' ? extractFeatures(text, cues, this.model.meta.families) : null
    const probability = {} as Record<Head, number>
    for (const h of HEADS) {
      const raw = whole !== null ? this.model.raw(h, whole) : best(h)?.raw[h] ?? this.model.meta.heads[h].bias
      probability[h] = this.model.calibrated(h, raw)
    }
    return { probability, passage: (h) => best(h)?.passage ?? null }
  }
}

/** The model that ships with Candor (model.json and model.bin beside this file). */
export function shippedScorer (): Scorer {
  return new LinearScorer(LinearModel.load(new URL('./', import.meta.url)))
}
