// Context rules for one cue match: is it negated ("no flashbacks at all"), hypothetical or reported
// ("I read it can cause strokes"), about a benefit ("helped my panic attacks"), from before the
// treatment ("hurt my back in a fall"), professional ("I work with trauma survivors") or played down
// ("slightly dizzy")? The answer decides whether the match counts as strong evidence, background, or
// nothing. Self-harm is judged more conservatively than the rest: only a clear negation or a generic
// warning turns it off, and it is never demoted to background.
import type { CompiledCue } from './lexicon.js'
import { PRIOR, PRIOR_AFTER, PRIOR_ABUSE, PRIOR_PHYSICAL, PRIOR_PHYSICAL_AFTER, PROFESSIONAL, PROFESSIONAL_AFTER } from './history.js'

export type Verdict = 'strong' | 'background' | 'none'


// A sentence ends at . ! ? or a line break; looking further than this for context is never needed.
const MAX_BACK = 240
const MAX_AHEAD = 160

// Tight clause breaks, for negation, hypotheticals and benefit: a new clause starts after these.
const TIGHT_BREAK = /[;:()"]|\b(?:but|however|although|though|yet|whereas|except|until|till|then|later|afterwards|so|because|which|who|while|whilst|when|whereupon)\b|,\s*(?=(?:i|i'm|i've|i'd|he|she|they|we|it|my|his|her|their|the|then|and|but|so|this|that|there|after|afterwards|later|now|since)\b)|\band\s+(?=(?:then|i|i'm|i've|he|she|they|we|it|my|afterwards|later|now|since|had|have|has|was|were|got|felt|started|began|ended|went|suddenly|immediately|soon|within|the\s+next)\b)/g
// Loose breaks, for history and onset: only a contrast or a change of time starts a new span.
const LOOSE_BREAK = /[;]|\b(?:but|however|although|though|yet|whereas|except|until|till|then|later|afterwards|now|nowadays)\b/g

const NEGATOR = /^(?:no|not|never|without|nor|neither|none|nothing|zero|cannot|(?:do|does|did|is|are|was|were|have|has|had|could|would|should|wo|ca|must|need|might|ai)n'?t)$/
// Words after a negator that mean it does not negate what follows ("no one warned me", "didn't
// expect", "wasn't until", "never forget").
const PSEUDO_NEGATION: Record<string, RegExp> = {
  no: /^(?:one|matter|doubt|wonder|idea|sooner|way)$/,
  not: /^(?:only|just|until|till|sure|because|long|that|to|realising|realizing|knowing)$/,
  never: /^(?:stopped|ended|went|goes|expected|thought|knew|realised|realized|forget|forgot|told|warned|mentioned|imagined|believed|dreamed|dreamt)$/,
  without: /^(?:warning|knowing|realising|realizing|notice|noticing)$/,
  nt: /^(?:stop|help|expect|know|realise|realize|understand|remember|recall|believe|warn|tell|mention|mean|care|wait|last|think|imagine|want)$/,
}
// Words that may stand between a negator and the phrase it negates ("didn't have any real ...").
const FILLER = new Set(('a an the any single one more further real serious major significant such sign signs of trace ' +
  'traces hint even ever once did do does was were is are be been being have had has having get got getting gets feel felt ' +
  'feeling feels experience experienced experiencing notice noticed suffer suffered develop developed report reported ' +
  'cause caused causing trigger triggered triggering give gave leave left lead led result resulted to me my her his their ' +
  'our i it there that this these those kind sort type form bad lasting long term other new at all whatsoever really ' +
  'actually much many too very in with for from as like think thought see saw show showed symptoms symptom side ' +
  'effects effect problems issues reaction reactions or nor and neither either anything evidence remotely need needed ' +
  'become became make made myself him them you we they he she slightest least bit slight tiny little terrible severe ' +
  'actual physical emotional obvious visible single lingering residual major lasting ongoing new').split(' '))
const LIST_GAP = /^(?:\s*(?:,|or|nor|and|any|no|even|\/)\s*)*\s*$/
const FIRST_TIME = /^(?:\s+[\w']+){0,5}?\s+(?:before|until|till|prior|ever|in\s+(?:my|her|his)\s+(?:whole\s+|entire\s+)?life)\b/
const STILL_NOW = /^\s*(?:any\s*more|any\s+longer|now|these\s+days|at\s+the\s+moment|right\s+now)\b/

// Hypothetical, conditional or reported: nothing happened to the writer.
const HYPOTHETICAL = /(?<!\bas\s)(?<!\beven\s)\bif\b|\bunless\b|\bin\s+case\b|\bwhether\b|(?<!\bi\s)\b(?:could|might|may|can|cannot)\s+(?:\w+\s+)?(?:cause|trigger|lead|result|bring|give|make|be|happen|induce|provoke|set\s+off|stir\s+up|open\s+up|have|get|experience|feel|leave|occur|increase)\b|\bi\s+(?:might|may|could)\s+(?:\w+\s+)?(?:have|get|experience|end\s+up)\b|(?<!\bi\s)\b(?:could|might|may|can)\s+(?:\w+\s+)?$|\b(?:worr\w*|afraid|scared|fear\w*|nervous|concern\w*|anxious|apprehensive|wary|warn\w*|read|reading|heard|hear|told|say|says|saying|claim\w*|apparently|supposedly|allegedly|rumou?r\w*|stories|articles?|reports?|research|studies|some\s+people|others|other\s+people|risks?|chance|possib\w*|potential\w*|danger\w*)\b[^]*?\b(?:could|might|may|can|would|will|'d|'ll|of|about)\b/
const HYPOTHETICAL_AFTER = /^\s*(?:(?:is|are|was|were)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:risk|side[\s-]effects?|possibility|danger|complication|contraindication)s?\b|(?:can|could|may|might)\s+(?:\w+\s+)?(?:happen|occur|result|follow|be\s+(?:caused|triggered))|(?:is|are)\s+(?:\w+\s+)?(?:possible|rare|common|uncommon|reported))/
// For self-harm only generic warnings and reports count as hypothetical; a writer's own fear ("I was
// scared I would hurt myself") is ideation, so it is not among them.
const HYPOTHETICAL_SELF_HARM = /\b(?:if|unless)\s+(?:you|anyone|someone|somebody|people|they|your)\b|\banyone\s+(?:who|with)\b|\b(?:people|those|someone|somebody|clients|patients)\s+(?:who|with)\b|\b(?:read|heard|apparently|claim\w*|stories|articles?|reports?|research|studies|some\s+people|risks?|chance|possib\w*|potential\w*)\b[^]*?\b(?:could|might|may|can|of|about)\b|\b(?:can|could|may|might)\s+(?:\w+\s+)?(?:cause|trigger|lead\s+to|result\s+in|bring\s+(?:up|on)|induce|provoke|increase)\b/

// The treatment helped with it: a condition it was used for, not harm it caused.
const BENEFIT_BEFORE = /\b(?:help(?:ed|s|ing)?|treat(?:ed|ing|s)?|reliev(?:e|ed|es|ing)|relief|eas(?:e|ed|es|ing)|reduc(?:e|ed|es|ing|tion)|improv(?:e|ed|es|ing|ement)|cur(?:e|ed)|fix(?:ed)?|manag(?:e|ed|ing)|cop(?:e|ing)|calm(?:ed|s)?|lessen(?:ed)?|resolv(?:e|ed)|fewer|less|no\s+more|(?:went|go|came|booked|referred|tried\s+it|try\s+it|recommended)\s+(?:in\s+)?for|for\s+(?:my|her|his|our|their)|work(?:ed|s)?\s+(?:on|through))\b/
const BENEFIT_AFTER = /^\s*(?:(?:have|has|had|are|is|were|was)\s+)?(?:\w+\s+)?(?:stopped|gone|disappeared|eased|easing|improved|improving|subsided|subsiding|reduced|reducing|lessened|lessening|decreased|lifted|vanished|faded|fading|calmed|settled|cleared|resolved|went\s+away|(?:much|far|a\s+lot|so\s+much)\s+(?:better|less|fewer|rarer)|less\s+(?:frequent|often|severe|intense)|fewer|rarer)\b/
// It started with the treatment, which outweighs a history cue elsewhere in the span.
const ONSET_AFTER = /^\s*(?:\w+\s+)?(?:now|as\s+a\s+result|because\s+of\s+(?:it|this|that|the\s+\w+))\b/
const ONSET = /\b(?:(?:since|after|following|during|from|straight\s+after|right\s+after|within\s+\w+\s+\w+\s+of)\s+(?:the|my|this|that|her|his|our|each|every|a|one)\s+(?:\w+\s+){0,2}?(?:session|sessions|treatment|treatments|appointment|visit|massage|manipulation|adjustment|therapy|cst|release|osteopath|chiropractor)|ever\s+since|for\s+the\s+first\s+time|the\s+next\s+(?:day|morning|night|week)|that\s+(?:night|evening)|on\s+the\s+table)\b/
// Hedged but real: "it may have triggered my PTSD" reports something that happened, with doubt only
// about the cause; a modal followed by "have" and a past event is not a hypothetical.
const HEDGED_PAST = /\b(?:may|might|could|must)\s+(?:well\s+|also\s+|possibly\s+|actually\s+)?have\s+(?:\w+\s+)?$/
// It stopped with time, not thanks to the treatment: "the panic attacks stopped after a few weeks".
// The harm happened; only a stop credited to the treatment (or to a history) is a benefit.
const PASSED_WITH_TIME = /^\s*(?:(?:have|has|had|are|is|were|was)\s+)?(?:\w+\s+)?(?:stopped|gone|disappeared|eased|subsided|faded|settled|cleared|resolved|went\s+away|calmed)\s+(?:down\s+|off\s+)?(?:after|within|over)\s+(?:a|an|about|around|some|\w+)\s+(?:few\s+|couple\s+of\s+|more\s+)?(?:days?|weeks?|months?|hours?)\b(?!\s+of\s+(?:the\s+)?(?:sessions?|treatments?|therapy))/
// Self-harm named as a topic or a job ("suicide prevention") or as a history directly ("a history
// of self-harm"): not an event. A past event ("I had thoughts of ending my life") still counts.
const SELF_HARM_TOPIC_AFTER = /^\s*(?:prevention|awareness|research|training|charity|charities|campaigns?|statistics|rates?|support\s+(?:group|worker|service)s?|first\s+aid)\b/
const SELF_HARM_HISTORY_BEFORE = /\b(?:(?:a|my)\s+(?:long\s+|past\s+)?history\s+of|recover(?:ed|ing)\s+from|in\s+recovery\s+from)\s+(?:past\s+|old\s+)?$/

// Played down: a mild symptom that passed.
const SOFTENED_BEFORE = /\b(?:slightly|a\s+(?:bit|little|touch|tad)|bit|little|mild(?:ly)?|briefly|momentarily|somewhat|vaguely|tiny\s+bit)\s+(?:\w+\s+)?$/
const SOFTENED_AFTER = /^\s*(?:\w+\s+)?(?:for\s+(?:a|a\s+few|few|a\s+couple\s+of|the\s+first|\d+|one|two|five|ten)\s+(?:seconds?|minutes?|moments?|mins?)|briefly|at\s+first|which\s+(?:passed|went|is\s+(?:normal|common|expected))|but\s+(?:it\s+|that\s+)?(?:passed|went|soon|quickly)|when\s+i\s+(?:stood|got|sat)\s+up)/
// The phrase is the content of a memory or dream, not a date: "nightmares about when I was little".
const CONTENT_AFTER = /^\s*(?:about|of|to|from|where|in\s+which|involving)\b/

/** Sorted [start, end) spans of every match of `re` in `text`. */
function spans (text: string, re: RegExp): Int32Array {
  const out: number[] = []
  re.lastIndex = 0
  for (const m of text.matchAll(re)) out.push(m.index, m.index + m[0].length)
  return Int32Array.from(out)
}

/** The end of the last span ending at or before `at` (or -1). */
function lastEndBefore (s: Int32Array, at: number): number {
  let lo = 0
  let hi = s.length / 2 - 1
  let best = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const e = s[2 * mid + 1] as number
    // Ends are sorted too: break matches never overlap.
    if (e <= at) { best = e; lo = mid + 1 } else hi = mid - 1
  }
  return best
}

/** The start of the first span starting at or after `at` (or Infinity). */
function firstStartAfter (s: Int32Array, at: number): number {
  let lo = 0
  let hi = s.length / 2 - 1
  let best = Infinity
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const b = s[2 * mid] as number
    if (b >= at) { best = b; hi = mid - 1 } else lo = mid + 1
  }
  return best
}

const SENTENCE_END = /[.!?\n]/g
const INNER_NEGATOR = /n't\b|\b(?:no|not|never|without|none|nothing)\b/

/** The last `n` words of `clause` (runs of a-z, 0-9 and '), found from the end without splitting it. */
function lastWords (clause: string, n: number): string[] {
  const words: string[] = []
  let end = clause.length
  while (words.length < n && end > 0) {
    while (end > 0 && !isWordChar(clause.charCodeAt(end - 1))) end--
    let start = end
    while (start > 0 && isWordChar(clause.charCodeAt(start - 1))) start--
    if (start < end) words.push(clause.slice(start, end))
    end = start
  }
  return words.reverse()
}

function isWordChar (c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39
}

/** Is the phrase negated by a negator earlier in its clause? Returns the negator word or null. */
function negatorBefore (clause: string): string | null {
  // Only the last seven words can hold the negator (and the gap after it).
  const words = lastWords(clause, 7)
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as string
    if (!NEGATOR.test(w)) continue
    const next = words[i + 1]
    const kind = w.endsWith("n't") || w.endsWith('nt') || w === 'cannot' ? 'nt' : w
    const pseudo = PSEUDO_NEGATION[kind]
    if (next !== undefined && pseudo?.test(next) === true) return null
    const gap = words.slice(i + 1)
    if (!gap.every((g) => FILLER.has(g))) return null
    // "never been so traumatised": an intensifier, not a negation.
    if (w === 'never' && gap.some((g) => g === 'so' || g === 'as' || g === 'more')) return null
    return w
  }
  return null
}

interface Windows {
  /** The sentence up to the match, and after it. */
  before: string
  after: string
  /** The same, cut at the nearest clause break (for negation, hypotheticals and benefit). */
  tightBefore: string
  tightAfter: string
  /** The same, cut only at a contrast or change of time (for history and onset). */
  looseBefore: string
  looseAfter: string
}

/**
 * The context of the matches in one prepared field. Sentence ends and clause breaks are found once
 * per field, so judging a match costs a few binary searches and short regex tests.
 */
export class FieldContext {
  private readonly sentences: Int32Array
  private readonly tight: Int32Array
  private readonly loose: Int32Array
  /** Where negated matches ended, so "no flashbacks, nightmares or panic" negates the whole list. */
  private readonly negatedEnds: number[] = []

  constructor (private readonly text: string) {
    this.sentences = spans(text, SENTENCE_END)
    this.tight = spans(text, TIGHT_BREAK)
    this.loose = spans(text, LOOSE_BREAK)
  }

  private windows (start: number, end: number): Windows {
    const { text } = this
    const sStart = Math.max(lastEndBefore(this.sentences, start), start - MAX_BACK, 0)
    const sEnd = Math.min(firstStartAfter(this.sentences, end), end + MAX_AHEAD, text.length)
    const before = text.slice(sStart, start)
    const after = text.slice(end, sEnd)
    const tStart = Math.max(lastEndBefore(this.tight, start), sStart)
    const tEnd = Math.min(firstStartAfter(this.tight, end), sEnd)
    const lStart = Math.max(lastEndBefore(this.loose, start), sStart)
    const lEnd = Math.min(firstStartAfter(this.loose, end), sEnd)
    return {
      before,
      after,
      tightBefore: text.slice(tStart, start),
      tightAfter: text.slice(end, Math.max(tEnd, end)),
      looseBefore: text.slice(lStart, start),
      looseAfter: text.slice(end, Math.max(lEnd, end)),
    }
  }

  /**
   * Negation, checked for every match in text order (lists carry a negation along).
   * 'negated': the phrase is denied; 'first': denied only as "never before", so it is new;
   * 'plain': not negated.
   */
  negation (start: number, end: number, cue: CompiledCue): 'negated' | 'first' | 'plain' {
    if (cue.ownNegation) return 'plain'
    const { text } = this
    // Only the clause before the match is needed unless it turns out negated (most matches are not).
    const sStart = Math.max(lastEndBefore(this.sentences, start), start - MAX_BACK, 0)
    const tStart = Math.max(lastEndBefore(this.tight, start), sStart)
    // A negator caught inside a loose pattern ("caused no harm") negates it too.
    let negated = INNER_NEGATOR.test(text.slice(start, end))
    let negator: string | null = null
    if (!negated) {
      negator = negatorBefore(text.slice(tStart, start))
      negated = negator !== null
    }
    if (!negated) {
      // Matches come in text order, so negatedEnds is ascending: look back only 60 characters.
      const ends = this.negatedEnds
      for (let i = ends.length - 1; i >= 0 && !negated; i--) {
        const e = ends[i] as number
        if (e < start - 60) break
        if (e <= start && LIST_GAP.test(text.slice(e, start))) negated = true
      }
    }
    if (!negated) return 'plain'
    const after = text.slice(end, Math.min(firstStartAfter(this.sentences, end), end + MAX_AHEAD, text.length))
    // "I had never had a panic attack before": a first, not a denial.
    if (negator !== null && FIRST_TIME.test(after)) return 'first'
    // "I'm not suicidal any more": it was there.
    if (cue.category === 'self_harm' && STILL_NOW.test(after)) return 'plain'
    this.negatedEnds.push(end)
    return 'negated'
  }

  /** Judge a match that is not negated; `first` when it was denied only as "never before". */
  judge (start: number, end: number, cue: CompiledCue, first: boolean): Verdict {
    const w = this.windows(start, end)

    // Hypothetical or reported.
    if (cue.category === 'self_harm') {
      if (HYPOTHETICAL_SELF_HARM.test(w.tightBefore) || HYPOTHETICAL_AFTER.test(w.after)) return 'none'
      if (SELF_HARM_TOPIC_AFTER.test(w.after)) return 'none'
      // Named as history: still reported when the story is harmful for another reason.
      if (SELF_HARM_HISTORY_BEFORE.test(w.tightBefore)) return 'background'
      return 'strong'
    }
    if (!HEDGED_PAST.test(w.tightBefore) && (HYPOTHETICAL.test(w.tightBefore) || HYPOTHETICAL_AFTER.test(w.after))) return 'none'

    // Something the treatment helped with (not something that wore off by itself).
    if (BENEFIT_BEFORE.test(w.tightBefore) ||
      (BENEFIT_AFTER.test(w.tightAfter) && !PASSED_WITH_TIME.test(w.tightAfter))) return 'background'

    // A mild symptom played down.
    if (cue.mild === true && (SOFTENED_BEFORE.test(w.before.slice(-40)) || SOFTENED_AFTER.test(w.after))) return 'background'

    // Professional context: "I work with trauma survivors", "I'm an A&E nurse".
    if (PROFESSIONAL.test(w.looseBefore) || PROFESSIONAL_AFTER.test(w.after)) return 'background'

    // From before the treatment, unless the span says it started with it.
    if (cue.acute !== true && cue.strength === 'strong' && !first && !ONSET.test(w.looseBefore) &&
      !ONSET.test(w.looseAfter) && !ONSET_AFTER.test(w.after)) {
      const contentAfter = CONTENT_AFTER.test(w.after)
      if (PRIOR.test(w.looseBefore) || (!contentAfter && PRIOR_AFTER.test(w.looseAfter))) return 'background'
      if (cue.category === 'abuse' && (PRIOR_ABUSE.test(w.looseBefore) || PRIOR_ABUSE.test(w.looseAfter))) return 'background'
      if (cue.category === 'physical_harm' && (PRIOR_PHYSICAL.test(w.looseBefore) || PRIOR_PHYSICAL_AFTER.test(w.looseAfter))) return 'background'
    }
    return cue.strength
  }
}
