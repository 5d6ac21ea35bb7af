// Text as the public sees it: moderator redactions hidden, then contact details masked.
import { redactContactDetails } from './redact.js'

export interface Redaction {
  field: 'title' | 'body'
  start: number
  end: number
}

/** Replaces each redacted span with "[redacted]"; overlapping spans merge. */
export function applyRedactions (text: string, spans: readonly Redaction[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const span of sorted) {
    const start = Math.max(span.start, at)
    if (span.end <= start) continue
    out += text.slice(at, start) + (start === at && out.endsWith('[redacted]') ? '' : '[redacted]')
    at = Math.min(span.end, text.length)
  }
  return out + text.slice(at)
}

export function publicText (text: string, field: Redaction['field'], redactions: unknown): string {
  const spans = (redactions as Redaction[]).filter((r) => r.field === field)
  return redactContactDetails(spans.length ? applyRedactions(text, spans) : text)
}
