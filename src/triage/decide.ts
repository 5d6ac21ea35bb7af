// How triage turns the learned layer's probabilities and the phrase layer's findings into the
// categories it raises; the trainer chooses thresholds by the same rule (scripts/triage/train.ts).
//  - A category is raised when its calibrated probability reaches its threshold.
//  - A category the phrase layer shows is raised down to the category's lower phrase floor, so the
//    model overrules the phrase layer only where it is sure there is nothing.
//  - Except that a phrase finding of self-harm which the model does not confirm is not the writer's
//    present risk when the model is confident the text is about someone else (`other_person`) or
//    past thoughts the treatment relieved (`past_relieved`): "my dad died by suicide", "I was
//    suicidal before, not since". The context is shown to the moderator instead (triage.ts). How
//    confident is chosen at training time, a lost self-harm weighed against many false alarms.
import type { Head, HeadParams } from './model/linear.js'
import { HARM_CATEGORIES, type HarmCategory } from './types.js'

export const CONTEXTS = ['past_relieved', 'other_person'] as const

export type ContextHead = typeof CONTEXTS[number]

export interface Cutoffs {
  readonly thresholds: Readonly<Record<Head, number>>
  readonly phraseFloors: Readonly<Record<Head, number>>
  /** Per context head, the probability at which it overrules a phrase finding of self-harm. */
  readonly contextOverrules: Readonly<Record<ContextHead, number>>
}

/** A model's cut-offs from its heads' parameters (a context without an overrule never overrules). */
export function cutoffsOf (heads: Readonly<Record<Head, HeadParams>>): Cutoffs {
  const each = (f: (p: HeadParams) => number): Record<Head, number> =>
    Object.fromEntries(Object.entries(heads).map(([h, p]) => [h, f(p)])) as Record<Head, number>
  return {
    thresholds: each((p) => p.threshold),
    phraseFloors: each((p) => p.phraseFloor),
    contextOverrules: { past_relieved: heads.past_relieved.overrulesPhrase ?? Infinity, other_person: heads.other_person.overrulesPhrase ?? Infinity },
  }
}

/** Whether a head's probability reaches its threshold. */
export const reaches = (cutoffs: Cutoffs, probability: Readonly<Record<Head, number>>, head: Head): boolean =>
  probability[head] >= cutoffs.thresholds[head]

export function decide (cutoffs: Cutoffs, probability: Readonly<Record<Head, number>>, phraseShows: ReadonlySet<HarmCategory>): HarmCategory[] {
  const explainedByContext = CONTEXTS.some((k) => probability[k] >= cutoffs.contextOverrules[k])
  return HARM_CATEGORIES.filter((c) => reaches(cutoffs, probability, c) ||
    (phraseShows.has(c) && probability[c] >= cutoffs.phraseFloors[c] && !(c === 'self_harm' && explainedByContext)))
}
