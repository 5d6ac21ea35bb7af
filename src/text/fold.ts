// Folding: the copy of a visitor's text that analysis runs on, so that characters which only hide
// words cannot carry harm past triage (or contact details past masking). The stored text stays as
// written; every folded character keeps the offset of the original character it came from, so
// evidence spans point at the visitor's own words.
//
// Per code point, in one linear pass (no regex that could backtrack):
//  - invisible characters are dropped: format controls (zero-width space/joiners, soft hyphen, word
//    joiner, bidi embeddings and isolates, BOM, tags), variation selectors, combining marks;
//  - compatibility forms are folded by Unicode NFKD (full-width letters and digits, ligatures,
//    mathematical letters) and their accents dropped;
//  - letters that look like Latin ones in other scripts (Cyrillic а, Greek ο, Cherokee Ꭵ…) are folded
//    by Unicode's confusables data (the `unhomoglyph` package carries confusables.txt); only
//    mappings to plain ASCII letters are taken, so ordinary text in those scripts is not rewritten
//    into something else;
//  - typographic quotes, dashes and spaces become their ASCII forms;
//  - everything is lowercased.
// `undoDigitSubstitutions` then undoes leetspeak inside words ("k1ll", "mys3lf") for triage; masking
// does not call it, because digits there are phone numbers.
import homoglyphs from 'unhomoglyph/data.json' with { type: 'json' }

export interface Folded {
  /** The folded text. */
  text: string
  /** For each UTF-16 unit of `text`, the offset in the original of the code point it came from;
   *  null when the two are the same (plain ASCII text, the common case). */
  origin: Int32Array | null
}

const CONFUSABLE = homoglyphs as Record<string, string>

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-',
  '\u2014': '-', '\u2015': '-', '\u2212': '-', '\u00A0': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ',
  '\u202F': ' ', '\u3000': ' ', '\t': ' ', '\r': '\n', '\u2028': '\n', '\u2029': '\n', '\u0138': 'k',
}

const FORMAT_OR_MARK = /^[\p{Cf}\p{M}\u034F\u115F\u1160\u3164\uFFA0]$/u
const PLAIN_ASCII = /^[\x00-\x7F]*$/
const ASCII_WORD = /^[a-z0-9]+$/

const cache = new Map<string, string>()

/** The folded form of one non-ASCII code point ('' to drop it). */
function foldCodePoint (c: string): string {
  const known = cache.get(c)
  if (known !== undefined) return known
  let out: string
  const punct = PUNCTUATION[c]
  if (punct !== undefined) out = punct
  else if (FORMAT_OR_MARK.test(c)) out = ''
  else {
    let parts = ''
    for (const d of c.normalize('NFKD')) {
      if (FORMAT_OR_MARK.test(d)) continue
      parts += d.codePointAt(0) as number < 0x80 ? d : (latinLookAlike(d) ?? d)
    }
    out = parts.toLowerCase()
  }
  if (cache.size < 4096) cache.set(c, out)
  return out
}

/** The ASCII letter(s) a character of another script is confusable with, or null. */
function latinLookAlike (c: string): string | null {
  let mapped = CONFUSABLE[c]
  // Some prototypes are themselves non-ASCII (Cyrillic к → ĸ); follow one more step.
  if (mapped !== undefined && !PLAIN_ASCII.test(mapped)) mapped = PUNCTUATION[mapped] ?? CONFUSABLE[mapped]
  if (mapped === undefined) return null
  const lower = mapped.toLowerCase()
  return ASCII_WORD.test(lower) ? lower : null
}

export function fold (raw: string): Folded {
  if (PLAIN_ASCII.test(raw)) {
    const lower = raw.toLowerCase()
    // Only tab, carriage return and the backtick are folded among ASCII characters.
    return { text: /[\t\r`]/.test(lower) ? lower.replace(/[\t\r`]/g, (c) => PUNCTUATION[c] as string) : lower, origin: null }
  }
  const out: string[] = []
  const origin: number[] = []
  let i = 0
  for (const c of raw) {
    const code = c.codePointAt(0) as number
    const f = code < 0x80 ? (PUNCTUATION[c] ?? c.toLowerCase()) : foldCodePoint(c)
    for (let k = 0; k < f.length; k++) origin.push(i)
    out.push(f)
    i += c.length
  }
  return { text: out.join(''), origin: Int32Array.from(origin) }
}

/** The original [start, end) of the folded span [start, end) (end > start). */
export function originalSpan (raw: string, folded: Folded, start: number, end: number): [number, number] {
  const { origin } = folded
  if (origin === null) return [start, end]
  const s = origin[start] as number
  const last = origin[end - 1] as number
  return [s, last + ((raw.codePointAt(last) as number) > 0xFFFF ? 2 : 1)]
}

// Digits and symbols that stand for letters inside a word.
const LEET: Record<string, string> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's', '!': 'i' }
const isLetter = (code: number): boolean => code >= 97 && code <= 122
const isDigit = (code: number): boolean => code >= 48 && code <= 57
// Words that follow a number without a space: units, durations, ordinals.
const AFTER_NUMBER = /^(?:st|nd|rd|th|mg|mcg|ml|kg|lb|lbs|am|pm|hr|hrs|hour|hours|min|mins|minute|minutes|day|days|week|weeks|wk|wks|month|months|year|years|yr|yrs|yo|times|x|pills|tabs|tablets|doses|sessions|mm|cm|km|kms|mph|ish)$/
/** A digit opening a word: not after a letter or digit, followed by three letters or more that
 *  are not a unit or an ordinal ("5ession", not "5mg", "3days" or "2nd"). */
function opensWord (text: string, i: number): boolean {
  const c = text[i] as string
  if (c === '@' || c === '!' || c === '$' || isDigit(text.charCodeAt(i - 1))) return false
  let j = i + 1
  while (j < text.length && isLetter(text.charCodeAt(j))) j++
  return j - i - 1 >= 3 && !AFTER_NUMBER.test(text.slice(i + 1, j))
}
const DOMAIN = /^[a-z0-9-]+\.[a-z]/

/**
 * Undo digit and symbol substitutions inside words of folded text, keeping its length: a
 * substitute between two letters ("k1ll", "mys3lf", "h@ng"), closing a word of three letters or
 * more ("suicid3"), or opening one that goes on for three letters or more ("5ession"). Numbers,
 * doses and durations ("20mg", "3days", "2nd") and e-mail addresses are left alone.
 */
export function undoDigitSubstitutions (text: string): string {
  const pieces: string[] = []
  let at = 0
  for (let i = 0; i < text.length; i++) {
    const sub = LEET[text[i] as string]
    if (sub === undefined) continue
    if (!isLetter(text.charCodeAt(i - 1))) {
      if (opensWord(text, i)) { pieces.push(text.slice(at, i), sub); at = i + 1 }
      continue
    }
    const next = text.charCodeAt(i + 1)
    const between = isLetter(next) || (LEET[text[i + 1] as string] !== undefined && isLetter(text.charCodeAt(i + 2)))
    const closing = !between && !(next >= 48 && next <= 57) && next !== 46 && i >= 3 &&
      isLetter(text.charCodeAt(i - 2)) && isLetter(text.charCodeAt(i - 3)) && text[i] !== '@' && text[i] !== '!'
    if (!between && !closing) continue
    if (text[i] === '@' && DOMAIN.test(text.slice(i + 1, i + 64))) continue
    pieces.push(text.slice(at, i), sub)
    at = i + 1
  }
  if (at === 0) return text
  pieces.push(text.slice(at))
  return pieces.join('')
}
