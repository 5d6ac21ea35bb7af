// Text as stored: Unicode NFC, control characters removed (line breaks and tabs kept), trimmed.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g

export function cleanText (text: string): string {
  return text.normalize('NFC').replace(controls, '').trim()
}

export function cleanOptional (text: string | undefined): string | null {
  if (text === undefined) return null
  const cleaned = cleanText(text)
  return cleaned === '' ? null : cleaned
}
