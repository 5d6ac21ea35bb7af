// How all input text is cleaned before it is stored: NFC-normalised, with control characters
// removed (line breaks and tabs stay), so that no field can carry a NUL byte to PostgreSQL or an
// invisible control into stored text. The JSON body parser applies it to every string of a request.

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g

export function cleanString (text: string): string {
  return text.normalize('NFC').replace(controls, '')
}
