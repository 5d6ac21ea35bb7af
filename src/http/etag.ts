// Strong entity tags for bodies we render, If-None-Match matching (a list; weak tags compare equal), and
// version tags for items changed under If-Match (moderators' and authors' edits).
import { createHash } from 'node:crypto'

export const etagOf = (body: string | Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`

/** True when an If-None-Match header names this tag, so the answer can be 304. */
export function noneMatchHits (header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((tag) => { const t = tag.trim(); return t === '*' || t.replace(/^W\//, '') === etag })
}

/** The ETag of an item that is changed under If-Match: its version, which every change increments. */
export const etagFor = (item: { version: number }): string => `"v${item.version}"`

/** True when an If-Match header names this version (or is `*`). */
export function ifMatchAccepts (header: string, item: { version: number }): boolean {
  const etag = etagFor(item)
  return header.split(',').some((tag) => tag.trim() === '*' || tag.trim() === etag)
}
