// The key for export ids: a configured secret, else one derived from this database's first migration
// record id (a random UUID written when the database was created), so ids are stable per database and
// cannot be computed from anything public.
import { createHmac } from 'node:crypto'
import type { Db } from '../db/client.js'

export async function exportIdKey (db: Db, secret?: string): Promise<Buffer> {
  let base = secret
  if (base === undefined) {
    const [first] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM _prisma_migrations ORDER BY started_at, id LIMIT 1`
    if (!first) throw new Error('no migration record to derive the export id key from')
    base = first.id
  }
  return createHmac('sha256', base).update('candor research export id v1').digest()
}
