// The passages the model reads: the title on its own, and in the body each sentence together with
// the one after it (so "I wanted to die before the sessions. Not since." is read as one thought);
// very short sentences count as one with the sentences that follow them.
// A passage is at most MAX_PASSAGE characters: a sentence longer than that (a run-on post, or text
// crafted to be one endless sentence) is read in pieces cut at spaces, so that scoring a passage
// costs the same whatever the story.
// Offsets are in the prepared text of the field (triage maps them back to the visitor's text).
import type { StoryText } from './features.js'

export interface Passage {
  field: 'title' | 'body'
  start: number
  end: number
  /** The passage as the model's features take it: a title, or a body. */
  text: StoryText
}

// A sentence: up to an end mark or a line break (prepared text is lowercase with folded marks).
const SENTENCE = /[^.!?\n]+[.!?]*/g
const WORDLIKE = /[a-z0-9]/
/** Sentences per passage. */
const SPAN = 2
/** The longest passage, in characters. */
export const MAX_PASSAGE = 400

/** Sentences shorter than this are read together with the next ("ok. so. yeah." is one thought),
 *  so that a text of a thousand one-word lines is a few dozen passages, not a thousand. */
const SHORT_SENTENCE = 40

function sentenceSpans (text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let open: [number, number] | undefined
  for (const m of text.matchAll(SENTENCE)) {
    if (!WORDLIKE.test(m[0])) continue
    const lead = m[0].length - m[0].trimStart().length
    const start = m.index + lead
    const end = m.index + m[0].trimEnd().length
    if (open !== undefined && end - open[0] <= MAX_PASSAGE / SPAN) open[1] = end
    else {
      if (open !== undefined) out.push(open)
      open = [start, end]
    }
    if (open[1] - open[0] >= SHORT_SENTENCE) {
      pushPieces(text, open[0], open[1], out)
      open = undefined
    }
  }
  if (open !== undefined) out.push(open)
  return out
}

const isLowSurrogate = (code: number): boolean => code >= 0xDC00 && code <= 0xDFFF

/** [start, end) as pieces of at most MAX_PASSAGE / SPAN characters, cut after a space where one is near. */
function pushPieces (text: string, start: number, end: number, out: Array<[number, number]>): void {
  const piece = MAX_PASSAGE / SPAN
  while (end - start > piece) {
    const space = text.lastIndexOf(' ', start + piece)
    let cut = space > start + piece / 2 ? space + 1 : start + piece
    if (isLowSurrogate(text.charCodeAt(cut))) cut++
    out.push([start, cut])
    start = cut
  }
  out.push([start, end])
}

export function passages (story: StoryText): Passage[] {
  const out: Passage[] = []
  const title = story.title.trim()
  if (WORDLIKE.test(title)) {
    const start = story.title.indexOf(title)
    out.push({ field: 'title', start, end: start + title.length, text: { title, body: '' } })
  }
  const spans = sentenceSpans(story.body)
  for (let i = 0; i < spans.length; i++) {
    const start = (spans[i] as [number, number])[0]
    const end = (spans[Math.min(i + SPAN - 1, spans.length - 1)] as [number, number])[1]
    out.push({ field: 'body', start, end, text: { title: '', body: story.body.slice(start, end) } })
    if (i + SPAN - 1 >= spans.length - 1) break
  }
  return out
}
