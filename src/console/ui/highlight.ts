// Splits a text into plain runs and evidence spans (UTF-16 offsets from the API), for highlighting.
export interface Span { start: number, end: number, category: string }
export type Segment = { text: string, category?: string }

/** Segments in order; overlapping spans are clipped so every character appears once. */
export function segments (text: string, spans: readonly Span[]): Segment[] {
  const ordered = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Segment[] = []
  let at = 0
  for (const span of ordered) {
    const start = Math.max(span.start, at)
    const end = Math.min(span.end, text.length)
    if (start >= end) continue
    if (start > at) out.push({ text: text.slice(at, start) })
    out.push({ text: text.slice(start, end), category: span.category })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}
