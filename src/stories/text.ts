// Story text as stored: the body parser already normalised it (see plugins/json-body.ts); trimmed here.
import { cleanString } from '../plugins/json-body.js'

export function cleanText (text: string): string {
  return cleanString(text).trim()
}

export function cleanOptional (text: string | undefined): string | null {
  if (text === undefined) return null
  const cleaned = cleanText(text)
  return cleaned === '' ? null : cleaned
}
