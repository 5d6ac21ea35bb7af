// The passages the model reads: the title on its own, and in the body each sentence together with
// the one after it (so "I wanted to die before the sessions. Not since." is read as one thought).
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

function sentenceSpans (text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const m of text.matchAll(SENTENCE)) {
    if (!WORDLIKE.test(m[0])) continue
    const lead = m[0].length - m[0].trimStart().length
    out.push([m.index + lead, m.index + m[0].trimEnd().length])
  }
  return out
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
