// Text preparation for triage: folds the text (invisible characters, look-alike letters, full-width
// forms, case, quotes and dashes: text/fold.ts), undoes digit substitutions ("k1ll"), mends typos of
// key words, and keeps a map back to the caller's offsets so that every evidence span points at the
// visitor's own text.
import { fold, originalSpan, undoDigitSubstitutions, type Folded } from '../text/fold.js'
import { correctToken } from './fuzzy.js'

export interface Prepared {
  /** Folded (see text/fold.ts), digit-substitution-undone and typo-mended text that the phrase
   *  patterns and the model's features run over. */
  text: string
  /** Mended words, in order: [start in text, start in folded, end in folded, mended length].
   *  Empty when nothing was mended, which is the common case and then text offsets are folded ones. */
  fixes: Int32Array
  /** The caller's text and its folding, to map folded offsets back to the caller's. */
  raw: string
  folded: Folded
}

// Words worth mending: letters with an optional apostrophe part, long enough that a one-letter slip
// still leaves them recognisable (the typo tables only hold words of six letters or more).
const WORD = /[a-z]{6,}/g

/** Fold a field and mend typos of key words, keeping what is needed to map offsets back. */
export function prepare (raw: string): Prepared {
  const foldedText = fold(raw)
  const folded = undoDigitSubstitutions(foldedText.text)
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
  if (fixes.length === 0) return { text: folded, fixes: new Int32Array(0), raw, folded: foldedText }
  pieces.push(folded.slice(at))
  return { text: pieces.join(''), fixes: Int32Array.from(fixes), raw, folded: foldedText }
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
  if (p.fixes.length === 0) return originalSpan(p.raw, p.folded, start, end)
  return originalSpan(p.raw, p.folded, originalAt(p.fixes, start), originalAt(p.fixes, end - 1) + 1)
}
