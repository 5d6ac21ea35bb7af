// Finds every cue match in a prepared field, exactly as one combined regex per category would
// (`\b(?=\w)(?:(cue1)|(cue2)|...)` with the g flag), but without trying every cue at every word.
//
// The combined regex tries, at each word start, each cue in order; the first that matches wins and the
// scan resumes at its end. Here each word start is looked up by its first characters in a table of the
// literal prefixes cues can start with (regex-prefix.ts), and only those cues are tried, in the same
// order, with one sticky regex each. A cue whose prefix is absent could not have matched there, so the
// result is the same, at a fraction of the cost: most words start no cue at all.
import { matchPrefixes } from './regex-prefix.js'
import { SCANNERS, type CompiledCue } from './lexicon.js'

export interface Match {
  start: number
  end: number
  cue: CompiledCue
}

interface Entry {
  /** The prefix, with every whitespace character written as a space. */
  prefix: string
  /** Cues (indices into CUES) that may start with it, ascending. */
  ids: number[]
}

const CUES: Array<{ category: number, cue: CompiledCue, sticky: RegExp }> = []
SCANNERS.forEach((s, category) => {
  for (const cue of s.cues) CUES.push({ category, cue, sticky: new RegExp(String.raw`\b(?=\w)(?:${cue.pattern})`, 'y') })
})

/** JavaScript's \s, which the prefixes write as ' '. */
function isSpace (c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xA0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
    c === 0x2028 || c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF
}

/** \w: ASCII letters, digits and underscore. */
function isWord (c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95
}

/** A character as the lookup keys see it: spaces folded to ' ', anything past Latin-1 to 255. */
function keyChar (c: number): number {
  return isSpace(c) ? 32 : c > 255 ? 255 : c
}

// Lookup tables by the first one, two and three characters of a prefix.
const BY_LENGTH: [Map<number, Entry[]>, Map<number, Entry[]>, Map<number, Entry[]>] = [new Map(), new Map(), new Map()]
// Cues that may start anywhere (the analysis gave up): tried at every word start.
const EVERYWHERE: number[] = []

function keyOf (s: string, n: number): number {
  let k = 0
  for (let i = 0; i < n; i++) k = k * 256 + keyChar(s.charCodeAt(i))
  return k
}

{
  const byPrefix = new Map<string, number[]>()
  CUES.forEach((c, id) => {
    for (const p of matchPrefixes(c.cue.pattern)) {
      if (p === '') { EVERYWHERE.push(id); continue }
      const spaced = p.replace(/\s/g, ' ')
      const ids = byPrefix.get(spaced) ?? []
      if (ids[ids.length - 1] !== id) ids.push(id)
      byPrefix.set(spaced, ids)
    }
  })
  for (const [prefix, ids] of byPrefix) {
    const n = Math.min(prefix.length, 3)
    const table = BY_LENGTH[n - 1] as Map<number, Entry[]>
    const key = keyOf(prefix, n)
    const list = table.get(key) ?? []
    list.push({ prefix, ids })
    table.set(key, list)
  }
}

/** Does `text` at `at` begin with `prefix` (whose spaces stand for any whitespace)? */
function startsWithPrefix (text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false
  for (let i = 0; i < prefix.length; i++) {
    const want = prefix.charCodeAt(i)
    const c = text.charCodeAt(at + i)
    if (want === 32 ? !isSpace(c) : c !== want) return false
  }
  return true
}

const candidates: number[] = []

function collect (list: Entry[] | undefined, text: string, at: number): void {
  if (list === undefined) return
  for (const e of list) {
    if (startsWithPrefix(text, at, e.prefix)) for (const id of e.ids) candidates.push(id)
  }
}

/** Every match in `text`, grouped by category (in SCANNERS order), each group in text order. */
export function scanText (text: string): Match[] {
  const groups: Match[][] = SCANNERS.map(() => [])
  // Where each category's scan resumes: the end of its last match.
  const resume = SCANNERS.map(() => 0)
  const n = text.length
  let prev = 0 // the character before `at`, as \b sees it (0: none, or not a word character)
  for (let at = 0; at < n; at++) {
    const c0 = text.charCodeAt(at)
    const startsWord = isWord(c0) && prev === 0
    prev = isWord(c0) ? 1 : 0
    if (!startsWord) continue
    candidates.length = 0
    const k1 = keyChar(c0)
    const k2 = k1 * 256 + (at + 1 < n ? keyChar(text.charCodeAt(at + 1)) : 0)
    const k3 = k2 * 256 + (at + 2 < n ? keyChar(text.charCodeAt(at + 2)) : 0)
    collect(BY_LENGTH[0].get(k1), text, at)
    collect(BY_LENGTH[1].get(k2), text, at)
    collect(BY_LENGTH[2].get(k3), text, at)
    for (const id of EVERYWHERE) candidates.push(id)
    if (candidates.length === 0) continue
    if (candidates.length > 1) candidates.sort((a, b) => a - b)
    for (const id of candidates) {
      const c = CUES[id] as (typeof CUES)[number]
      // Past the end of a match of its category (also the one just found here): skip, as the
      // combined regex would.
      if ((resume[c.category] as number) > at) continue
      c.sticky.lastIndex = at
      if (!c.sticky.test(text)) continue
      const end = c.sticky.lastIndex
      ;(groups[c.category] as Match[]).push({ start: at, end, cue: c.cue })
      resume[c.category] = end
    }
  }
  return groups.flat()
}
