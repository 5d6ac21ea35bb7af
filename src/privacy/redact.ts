// Masks contact details in text shown to the public or exported: e-mail addresses, phone numbers and
// street addresses. Moderators see the original.
//
// Details are looked for in a folded copy of the text (text/fold.ts: invisible characters removed,
// full-width and look-alike characters folded), with "(at)" and "(dot)" spellings read as @ and .,
// so that "name＠example.com", "na\u200Bme@example.com" and "name (at) example (dot) com" are
// masked too; the spans found are masked in the text as written. Nothing here backtracks: e-mail
// addresses are found by growing outwards from each @, and the patterns that remain have bounded or
// self-delimiting repetition.
import { fold, originalSpan, type Folded } from '../text/fold.js'

// Seven or more digits, optionally grouped by spaces, dots, dashes or brackets, with an optional +.
const phone = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu
// A house number, one to four capitalised words, and a street type: "221B Baker Street", "12 Elm St.".
const streetTypes = 'Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy|Gardens|Row|Mews|Strasse|Straße|Rue'
const street = new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'.-]*\\s+){1,4}(?:${streetTypes})\\b\\.?`, 'gu')

// "(at)", "[at]", "{ at }" and the same for dot; a spelled-out " at " or " dot " only in
// "name at domain dot com" with a common top-level domain, so "look at it dot by dot" stays.
const TLD = '(?:com|org|net|edu|gov|info|co|uk|io|de|fr|nl|es|it|au|ca|ie|nz|me|us)\\b'
// Each alternative can start only at a bracket or just after a non-space, so long runs of spaces
// are not rescanned from every position.
const SPELLED = new RegExp(String.raw`[([{]\s*(at|dot)\s*[)\]}]\s*|(?<=\S)\s+(at)\s+(?=[a-z0-9-]{1,63}\s+dot\s+${TLD})|(?<=\S)\s+(dot)\s+(?=${TLD})`, 'g')

const LOCAL = /[\p{L}\p{N}._%+-]/u
const DOMAIN = /[\p{L}\p{N}.-]/u
const LETTER = /\p{L}/u

type Span = [number, number]

/** The folded text with spelled-out @ and . replaced, and where each of its units came from. */
function unspell (folded: string): { text: string, from: Int32Array } {
  const parts: string[] = []
  const from: number[] = []
  let at = 0
  for (const m of folded.matchAll(SPELLED)) {
    let end = m.index // spaces before "(at)" go with it
    while (end > at && /\s/.test(folded[end - 1] as string)) end--
    for (let i = at; i < end; i++) from.push(i)
    parts.push(folded.slice(at, end), m[1] === 'at' || m[2] === 'at' ? '@' : '.')
    from.push(m.index)
    at = m.index + m[0].length
  }
  for (let i = at; i < folded.length; i++) from.push(i)
  parts.push(folded.slice(at))
  return { text: parts.join(''), from: Int32Array.from(from) }
}

/** E-mail addresses in `text`: from each @, the local part to the left and a dotted domain ending in
 *  two letters or more to the right. Each character is looked at a bounded number of times. */
function emails (text: string): Span[] {
  const found: Span[] = []
  let after = 0
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > after && LOCAL.test(text[start - 1] as string)) start--
    let end = at + 1
    while (end < text.length && DOMAIN.test(text[end] as string)) end++
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--
    const domain = text.slice(at + 1, end)
    const dot = domain.lastIndexOf('.')
    const tld = dot === -1 ? '' : domain.slice(dot + 1)
    if (start === at || dot <= 0 || tld.length < 2 || ![...tld].every((c) => LETTER.test(c))) continue
    found.push([start, end])
    after = end
  }
  return found
}

function matches (text: string, re: RegExp, keep: (m: string) => boolean = () => true): Span[] {
  return [...text.matchAll(re)].filter((m) => keep(m[0])).map((m) => [m.index, m.index + m[0].length])
}

/** Every public read and export row passes through here: text without an "@", a digit, a
 *  spelled-out "at" or a non-ASCII character (most of it) skips the scans. */
export function redactContactDetails (text: string): string {
  if (!/[@\d\u0080-\uFFFF]|\bat\b/i.test(text)) return text
  const folded: Folded = fold(text)
  const spelled = unspell(folded.text)
  const masks: Array<{ span: Span, label: string }> = []
  for (const [s, e] of emails(spelled.text)) {
    masks.push({ span: originalSpan(text, folded, spelled.from[s] as number, (spelled.from[e - 1] as number) + 1), label: '[email removed]' })
  }
  for (const [s, e] of matches(text, street)) masks.push({ span: [s, e], label: '[address removed]' })
  for (const [s, e] of matches(folded.text, phone, (m) => m.replace(/\D/g, '').length >= 7)) {
    masks.push({ span: originalSpan(text, folded, s, e), label: '[phone removed]' })
  }
  if (masks.length === 0) return text
  // Earlier and longer spans win where two overlap.
  masks.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])
  const pieces: string[] = []
  let at = 0
  for (const { span: [start, end], label } of masks) {
    if (start < at) continue
    pieces.push(text.slice(at, start), label)
    at = end
  }
  pieces.push(text.slice(at))
  return pieces.join('')
}
