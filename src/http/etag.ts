// Strong entity tags for bodies we render, and If-None-Match matching (a list; weak tags compare equal).
import { createHash } from 'node:crypto'

export const etagOf = (body: string | Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`

/** True when an If-None-Match header names this tag, so the answer can be 304. */
export function noneMatchHits (header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((tag) => { const t = tag.trim(); return t === '*' || t.replace(/^W\//, '') === etag })
}
