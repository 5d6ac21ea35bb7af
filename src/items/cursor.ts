// Opaque keyset-pagination cursors: base64url JSON of the last row's sort key, checked on the way back in.
import { errors } from '../errors.js'

export interface Position {
  /** The sort timestamp of the last row returned. */
  at: Date
  id: string
  /** An extra leading sort key (e.g. the triage level), when the ordering has one. */
  rank?: string
}

export function encodeCursor (p: Position): string {
  return Buffer.from(JSON.stringify([p.at.toISOString(), p.id, p.rank ?? null])).toString('base64url')
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function decodeCursor (cursor: string): Position {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [at, id, rank] = parsed as unknown[]
      const date = typeof at === 'string' ? new Date(at) : new Date(Number.NaN)
      // PostgreSQL timestamps end where JavaScript's do not: keep to years 1–9999.
      const year = date.getUTCFullYear()
      if (year >= 1 && year <= 9999 && typeof id === 'string' && uuid.test(id) && (rank === null || typeof rank === 'string')) {
        return rank === null ? { at: date, id } : { at: date, id, rank }
      }
    }
  } catch {}
  throw errors.invalidCursor()
}
