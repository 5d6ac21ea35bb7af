// The shape of one phrase cue in the triage lexicon, and the shorthand the cue files use.
import type { HarmCategory } from './types.js'

/**
 * strong: the phrase reports harm by itself (unless negated, hypothetical or clearly past).
 * background: a condition or history ("I have PTSD", "survivor of abuse", "hospital") that does not
 * make a story harmful, but names the category when something else in the story does.
 */
export type Strength = 'strong' | 'background'

export interface Cue {
  category: HarmCategory
  strength: Strength
  /** Regex source over prepared text (lowercase, folded quotes); non-capturing groups only. */
  pattern: string
  /** The phrase carries its own negation ("couldn't stop shaking"): skip the negation check. */
  ownNegation?: boolean
  /** A symptom that only counts when not played down ("slightly dizzy", "a bit sick for a minute"). */
  mild?: boolean
  /** An acute response, harm now even in a story about older events ("re-traumatised",
   *  "flashback to the crash"): skip the "happened before the treatment" check. */
  acute?: boolean
}

type Options = Pick<Cue, 'ownNegation' | 'mild' | 'acute'>

/** Build cues of one category and strength from regex sources. */
export function cues (category: HarmCategory, strength: Strength, patterns: string[], options: Options = {}): Cue[] {
  return patterns.map((pattern) => ({ category, strength, pattern, ...options }))
}

// Shared regex fragments. Prepared text is lowercase with ' for every apostrophe.
/** "didn't", "didnt", "did not", ... */
export const NEG = String.raw`(?:didn'?t|did\s+not|couldn'?t|could\s+not|can'?t|cannot|can\s+not|don'?t|do\s+not|wouldn'?t|would\s+not|won'?t|will\s+not|wasn'?t|was\s+not|no\s+longer|not)`
/** myself with the usual slips: "my self", "myslef", "meself". */
export const MYSELF = String.raw`(?:my\s*self|myslef|meself|myselfe)`
/** Someone who could have caused harm in a session. */
export const AGENT = String.raw`(?:he|she|they|it|this|(?:the|my|our|her|his)\s+(?:\w+\s+)?(?:therapist|practitioner|osteopath|osteo|chiropractor|chiro|masseuse|masseur|massage\s+therapist|physio|session|sessions|treatment|manipulation|adjustment|massage|therapy|cst|lady|man|woman|guy|bloke|doctor))`
/** The treatment itself, as people refer to it. */
export const SESSION = String.raw`(?:session|sessions|treatment|treatments|appointment|appointments|visit|massage|manipulation|adjustment|therapy|cst|craniosacral|cranio|osteopathy|release|work)`
