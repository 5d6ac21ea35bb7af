// Text preparation for triage: folds case, quotes and dashes, mends typos of key words, and keeps a
// map back to the caller's offsets so that every evidence span points at the visitor's own text.
import { correctToken } from './fuzzy.js'

export interface Prepared {
  /** Lowercased, folded and typo-mended text that the phrase patterns run over. */
  text: string
  /** Mended words, in order: [start in text, start in original, end in original, mended length].
   *  Empty when nothing was mended, which is the common case and then text offsets are original. */
  fixes: Int32Array
}

// Characters folded so that patterns can be written once: curly quotes to ', typographic dashes to -,
// odd spaces to a plain space. Every fold is one UTF-16 unit to one, so offsets stay aligned until
// the typo pass (which keeps its own map).
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-',
  '\u2014': '-', '\u2212': '-', '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\t': ' ', '\r': '\n',
}

const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g')

function fold (s: string): string {
  const lower = s.toLowerCase()
  if (lower.length === s.length) return lower.replace(FOLDABLE, (c) => FOLD[c] ?? c)
  // A few characters lowercase to two units (e.g. U+0130); fold one unit at a time so lengths match.
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string
    const f = FOLD[c]
    if (f !== undefined) { out += f; continue }
    const l = c.toLowerCase()
    out += l.length === 1 ? l : c
  }
  return out
}

// Words worth mending: letters with an optional apostrophe part, long enough that a one-letter slip
// still leaves them recognisable (the typo tables only hold words of six letters or more).
const WORD = /[a-z]{6,}/g

/** Fold a field and mend typos of key words, keeping what is needed to map offsets back. */
export function prepare (raw: string): Prepared {
  const folded = fold(raw)
  const pieces: string[] = []
  const fixes: number[] = []
  let at = 0
  let shift = 0
  for (const m of folded.matchAll(WORD)) {
    const fixed = correctToken(m[0])
    if (fixed === null) continue
    const start = m.index
    const end = start + m[0].length
    pieces.push(folded.slice(at, start), fixed)
    fixes.push(start + shift, start, end, fixed.length)
    shift += fixed.length - (end - start)
    at = end
  }
  if (fixes.length === 0) return { text: folded, fixes: new Int32Array(0) }
  pieces.push(folded.slice(at))
  return { text: pieces.join(''), fixes: Int32Array.from(fixes) }
}

/** The original offset of the character at `p` in the prepared text. */
function originalAt (fixes: Int32Array, p: number): number {
  // The last mended word starting at or before p (binary search: a typo-laden story has hundreds).
  let i = -1
  let lo = 0
  let hi = fixes.length / 4 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((fixes[mid * 4] as number) <= p) { i = mid * 4; lo = mid + 1 } else hi = mid - 1
  }
  if (i < 0) return p
  const pStart = fixes[i] as number
  const oStart = fixes[i + 1] as number
  const oEnd = fixes[i + 2] as number
  const len = fixes[i + 3] as number
  // Inside a mended word every character maps into the original word.
  if (p < pStart + len) return oStart + Math.min(p - pStart, oEnd - oStart - 1)
  return oEnd + (p - pStart - len)
}

/** The original [start, end) of a non-empty span [start, end) of the prepared text. */
export function toOriginal (p: Prepared, start: number, end: number): [number, number] {
  if (p.fixes.length === 0) return [start, end]
  return [originalAt(p.fixes, start), originalAt(p.fixes, end - 1) + 1]
}
