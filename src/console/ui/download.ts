// Exports arrive through fetch (the key in the Authorization header, never in a URL) and are saved from a Blob.
import { h } from '../../browser/dom.js'
import { attachmentName } from './research-data.js'

/** Saves `blob` under the name the response gave (or `fallback`); returns the name. */
export function saveBlob (blob: Blob, response: Response, fallback: string): string {
  const name = attachmentName(response.headers.get('content-disposition'), fallback)
  const url = URL.createObjectURL(blob)
  const link = h('a', { href: url, download: name, hidden: true })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => { URL.revokeObjectURL(url) }, 10_000)
  return name
}
