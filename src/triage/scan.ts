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

/** A cue that may start with `prefix` (every whitespace character written as a space). */
interface Entry {
  prefix: string
  id: number
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

// Entries by their first character: a prefix's first character is a word character, so this is
// a short list per letter; the lists a word start's first three characters select are merged (and
// cached) on first use.
const BY_FIRST = new Map<number, Entry[]>()
{
  const seen = new Set<string>()
  CUES.forEach((c, id) => {
    for (const p of matchPrefixes(c.cue.pattern)) {
      // '' (the analysis gave up) never happens with today's cues; if it did, the cue is tried at
      // every word start through every first character's list.
      const prefix = p.replace(/\s/g, ' ')
      if (seen.has(`${id} ${prefix}`)) continue
      seen.add(`${id} ${prefix}`)
      const firsts = prefix === '' ? Array.from({ length: 128 }, (_, i) => i) : [prefix.charCodeAt(0)]
      for (const f of firsts) {
        const list = BY_FIRST.get(f) ?? []
        list.push({ prefix, id })
        BY_FIRST.set(f, list)
      }
    }
  })
}

/** The entries (ascending by cue) whose prefix fits the key of a word's first three characters. */
const byKey = new Map<number, Entry[]>()
const KEY_CACHE_LIMIT = 20_000

function entriesFor (key: number): Entry[] {
  const cached = byKey.get(key)
  if (cached !== undefined) return cached
  const chars = [key >> 16, (key >> 8) & 255, key & 255]
  const fits = (e: Entry): boolean => {
    for (let i = 0; i < Math.min(3, e.prefix.length); i++) {
      const want = e.prefix.charCodeAt(i)
      const got = chars[i] as number
      // 255 stands for any character past Latin-1, 0 for the end of the text.
      if (got !== 255 && (want === 32 ? got !== 32 : want !== got)) return false
    }
    return true
  }
  const list = (BY_FIRST.get(chars[0] as number) ?? []).filter(fits).sort((a, b) => a.id - b.id)
  if (byKey.size >= KEY_CACHE_LIMIT) byKey.clear()
  byKey.set(key, list)
  return list
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
    const k2 = keyChar(c0) * 256 + (at + 1 < n ? keyChar(text.charCodeAt(at + 1)) : 0)
    const entries = entriesFor(k2 * 256 + (at + 2 < n ? keyChar(text.charCodeAt(at + 2)) : 0))
    for (const e of entries) {
      const c = CUES[e.id] as (typeof CUES)[number]
      // Past the end of a match of its category (also one just found here): skip, as the combined
      // regex would.
      if ((resume[c.category] as number) > at) continue
      if (e.prefix.length > 3 && !startsWithPrefix(text, at, e.prefix)) continue
      c.sticky.lastIndex = at
      if (!c.sticky.test(text)) continue
      const end = c.sticky.lastIndex
      ;(groups[c.category] as Match[]).push({ start: at, end, cue: c.cue })
      resume[c.category] = end
    }
  }
  return groups.flat()
}
