// Text preparation for triage: folds case, quotes and dashes, mends typos of key words, and keeps a
// map back to the caller's offsets so that every evidence span points at the visitor's own text.
import { correctToken } from './fuzzy.js'

export interface Prepared {
  /** Lowercased, folded and typo-mended text that the phrase patterns run over. */
  text: string
  /** `map[i]` is the offset in the original field of `text[i]`; `map[text.length]` is its length. */
  map: Int32Array
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

/** Fold a field and mend typos of key words, keeping a map back to the original offsets. */
export function prepare (raw: string): Prepared {
  const folded = fold(raw)
  const pieces: string[] = []
  const fixes: Array<[number, number, string]> = []
  for (const m of folded.matchAll(WORD)) {
    const fixed = correctToken(m[0])
    if (fixed !== null) fixes.push([m.index, m.index + m[0].length, fixed])
  }
  if (fixes.length === 0) {
    const map = new Int32Array(folded.length + 1)
    for (let i = 0; i <= folded.length; i++) map[i] = i
    return { text: folded, map }
  }
  // Rebuild with the mended words; a mended word's characters all map inside the original word.
  const mapParts: number[] = []
  let at = 0
  for (const [start, end, word] of fixes) {
    pieces.push(folded.slice(at, start))
    for (let i = at; i < start; i++) mapParts.push(i)
    pieces.push(word)
    for (let i = 0; i < word.length; i++) mapParts.push(start + Math.min(i, end - start - 1))
    at = end
  }
  pieces.push(folded.slice(at))
  for (let i = at; i < folded.length; i++) mapParts.push(i)
  mapParts.push(folded.length)
  return { text: pieces.join(''), map: Int32Array.from(mapParts) }
}

/** The original [start, end) of a span [start, end) of the prepared text. */
export function toOriginal (p: Prepared, start: number, end: number): [number, number] {
  const s = p.map[start] ?? 0
  const last = p.map[Math.max(start, end - 1)] ?? s
  return [s, last + 1]
}
