// Story text as stored: the body parser already cleaned it (text/clean.ts, applied by plugins/json-body.ts); trimmed here.
import { cleanString } from '../text/clean.js'

export function cleanText (text: string): string {
  return cleanString(text).trim()
}

export function cleanOptional (text: string | undefined): string | null {
  if (text === undefined) return null
  const cleaned = cleanText(text)
  return cleaned === '' ? null : cleaned
}
