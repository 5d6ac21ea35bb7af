// The key for export ids, derived from this database's first migration record id (a random UUID
// written when the database was created), so ids are stable per database and cannot be computed from
// anything public.
import { createHmac } from 'node:crypto'
import type { Db } from '../db/client.js'

export async function exportIdKey (db: Db): Promise<Buffer> {
  const [first] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM _prisma_migrations ORDER BY started_at, id LIMIT 1`
  if (!first) throw new Error('no migration record to derive the export id key from')
  return createHmac('sha256', first.id).update('candor research export id v1').digest()
}
