// The learned layer of triage behind one interface, so that a stronger encoder can replace the
// linear model later without touching triage.ts: given a story's prepared text and the phrase
// layer's cues, a calibrated probability per head, the passage that decided it, and the thresholds.
//
// The linear heads may be followed by a small network stacked on them (stacked.ts): it reads the
// story's word vectors, cues, length and every linear head's score. A head that model.json gives a
// `mix` scores the sum of its linear score and the network's, each scaled to count alike; the sum is
// calibrated and cut like a linear head's score.
//
// A model reads either the whole text or passages (windows.ts: the title; each body sentence with the
// next), as model.json says (`reads`). Reading passages, a head's score is that of its most telling
// passage, trained as multiple-instance learning (scripts/triage/train.ts): harm is a matter of
// "any", not "on average". Either way the most telling passage is the evidence for a category that
// no phrase shows.
import { cutoffsOf, type ContextHead } from '../decide.js'
import type { CueCounts } from '../phrases.js'
import { extractFeatures, wordSlots, type StoryText } from './features.js'
import { HEADS, LinearModel, type Head } from './linear.js'
import { Stack, stackInputs } from './stacked.js'
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
  /** At or above these, a context overrules the phrase layer's finding of self-harm (decide.ts). */
  readonly contextOverrules: Readonly<Record<ContextHead, number>>
  score (text: StoryText, cues: CueCounts): Scored
}

/** Passages scored in full when looking for evidence. */
const SHORTLIST = 8

export class LearnedScorer implements Scorer {
  readonly version: string
  readonly thresholds: Record<Head, number>
  readonly phraseFloors: Record<Head, number>
  readonly contextOverrules: Record<ContextHead, number>

  constructor (private readonly model: LinearModel, private readonly stack?: Stack) {
    if (model.meta.reads === 'passages' && stack !== undefined) throw new Error('a stacked triage model reads whole texts')
    if (stack === undefined && HEADS.some((h) => model.meta.heads[h].mix !== undefined)) throw new Error('triage model.json mixes heads with a stack, but no stack was given')
    this.version = model.meta.version
    const cutoffs = cutoffsOf(model.meta.heads)
    this.thresholds = cutoffs.thresholds
    this.phraseFloors = cutoffs.phraseFloors
    this.contextOverrules = cutoffs.contextOverrules
  }

  /** Every head's raw score for each passage, in passage order. */
  rawByPassage (text: StoryText, cues: CueCounts): Array<{ passage: Passage, raw: Record<Head, number> }> {
    return passages(text).map((passage) => {
      const f = extractFeatures(passage.text, cues, this.model.meta.families)
      return { passage, raw: Object.fromEntries(HEADS.map((h) => [h, this.model.raw(h, f)])) as Record<Head, number> }
    })
  }

  score (text: StoryText, cues: CueCounts): Scored {
    if (this.model.meta.reads === 'whole') {
      const whole = extractFeatures(text, cues, this.model.meta.families)
      const linear = Object.fromEntries(HEADS.map((h) => [h, this.model.raw(h, whole)])) as Record<Head, number>
      const stacked = this.stack?.raw(stackInputs(whole, cues, linear))
      const probability = Object.fromEntries(HEADS.map((h) => {
        const mix = this.model.meta.heads[h].mix
        return [h, this.model.calibrated(h, stacked !== undefined && mix !== undefined ? linear[h] * mix.linear + stacked[h] * mix.stacked : linear[h])]
      })) as Record<Head, number>
      let candidates: Candidates | undefined
      return { probability, passage: (h) => this.bestPassage(candidates ??= candidatesOf(text), cues, h)?.passage ?? null }
    }
    const scored = this.rawByPassage(text, cues)
    const best = (h: Head): { passage: Passage, raw: Record<Head, number> } | undefined =>
      scored.reduce<typeof scored[number] | undefined>((top, s) => (top === undefined || s.raw[h] > top.raw[h] ? s : top), undefined)
    const probability = Object.fromEntries(HEADS.map((h) => [h, this.model.calibrated(h, best(h)?.raw[h] ?? this.model.meta.heads[h].bias)])) as Record<Head, number>
    return { probability, passage: (h) => best(h)?.passage ?? null }
  }

  /** The passage that most supports one head, for evidence: the passages are ranked by the head's
   *  weights of their words (cheap, linear), and only the best few are scored in full, so a story
   *  of thousands of sentences costs little more than a short one. */
  private bestPassage ({ all, slots }: Candidates, cues: CueCounts, head: Head): { passage: Passage, raw: number } | undefined {
    const rough = slots.map((ss) => ss.reduce((s, slot) => s + this.model.weight(head, slot), 0))
    const ranked = all.map((_, i) => i).sort((a, b) => (rough[b] as number) - (rough[a] as number)).slice(0, SHORTLIST)
    let best: { passage: Passage, raw: number } | undefined
    for (const i of ranked) {
      const passage = all[i] as Passage
      const raw = this.model.raw(head, extractFeatures(passage.text, cues, this.model.meta.families))
      if (best === undefined || raw > best.raw) best = { passage, raw }
    }
    return best
  }
}

/** A story's passages and the word slots of each, worked out once for every head that needs evidence. */
interface Candidates { all: Passage[], slots: number[][] }

function candidatesOf (text: StoryText): Candidates {
  const all = passages(text)
  return { all, slots: all.map((p) => wordSlots(p.text.title + p.text.body)) }
}

/** The model that ships with Candor (model.json, model.bin and stack.bin beside this file). */
export function shippedScorer (): Scorer {
  return scorerIn(new URL('./', import.meta.url))
}

/** A model's scorer from the folder its files are in. */
export function scorerIn (dir: URL): Scorer {
  const model = LinearModel.load(dir)
  return new LearnedScorer(model, model.meta.stack === undefined ? undefined : Stack.load(dir, model.meta.stack))
}
