// The triage lexicon: every cue, checked at module load and grouped by category.
//
// One combined regex per category (each cue an alternative in its own capturing group) scans a field
// once instead of once per cue; the group that matched tells which cue fired. Cues are checked at
// load: they must not capture (that would shift the group numbers) and must not match empty text.
import { ABUSE } from './cues-abuse.js'
import { PHYSICAL } from './cues-physical.js'
import { SELF_HARM } from './cues-self-harm.js'
import { TRAUMA } from './cues-trauma.js'
import type { Cue } from './cue.js'
import { matchPrefixes } from './regex-prefix.js'
import type { HarmCategory } from './types.js'

export interface CompiledCue extends Cue {
  /** The pattern spells out a negation itself, so a negator inside the match is expected. */
  ownNegation: boolean
}

export interface CategoryScanner {
  category: HarmCategory
  regex: RegExp
  cues: CompiledCue[]
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')

// A pattern that itself contains a negator ("didn't want to live") must not be turned off by the
// negator it matched; detected from the source so no cue can forget the flag.
const NEGATION_IN_SOURCE = /\b(?:no|not|never|without|nor|none|nothing)\b|n'\?t|n't/

function compile (cue: Cue): CompiledCue {
  const probe = new RegExp(`${cue.pattern}|`)
  const groups = (probe.exec('') ?? []).length - 1
  if (groups !== 0) throw new Error(`triage cue must not capture: ${cue.pattern}`)
  if (new RegExp(`^(?:${cue.pattern})$`).test('')) throw new Error(`triage cue matches empty text: ${cue.pattern}`)
  return { ...cue, ownNegation: cue.ownNegation === true || NEGATION_IN_SOURCE.test(cue.pattern) }
}

/** A cue the prefix parser cannot read only loses its category the gate (slower, never wrong). */
function safePrefixes (pattern: string): string[] {
  try {
    return matchPrefixes(pattern, 4)
  } catch {
    return ['']
  }
}

function scanner (category: HarmCategory, list: Cue[]): CategoryScanner {
  const compiled = list.map(compile)
  for (const c of compiled) {
    if (c.category !== category) throw new Error(`triage cue in the wrong list: ${c.pattern}`)
  }
  // Every cue starts at a word start, and with one of a few literal prefixes (regex-prefix.ts works
  // them out, e.g. "fla", "pani", "was "). A lookahead on those prefixes turns most word starts away
  // with one cheap literal test instead of trying each alternative there; it changes no match, as
  // every match starts with one of them.
  const prefixes = [...new Set(compiled.flatMap((c) => safePrefixes(c.pattern)))].sort()
  const gate = prefixes.includes('') ? '' : `(?=${prefixes.map(escape).join('|')})`
  const source = String.raw`\b(?=\w)${gate}(?:` + compiled.map((c) => `(${c.pattern})`).join('|') + ')'
  return { category, regex: new RegExp(source, 'g'), cues: compiled }
}

/** In the order categories are reported. */
export const SCANNERS: readonly CategoryScanner[] = [
  scanner('self_harm', SELF_HARM),
  scanner('abuse', ABUSE),
  scanner('trauma_response', TRAUMA),
  scanner('physical_harm', PHYSICAL),
]

/** Which cue of `scanner` produced the match `m`. */
export function cueOf (scanner: CategoryScanner, m: RegExpExecArray): CompiledCue {
  for (let i = 1; i < m.length; i++) {
    if (m[i] !== undefined) return scanner.cues[i - 1] as CompiledCue
  }
  throw new Error('triage: match without a cue group')
}
