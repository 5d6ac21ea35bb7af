// Searches a whole test database as a dump would show it: every row of every table, as text.
import type { Db } from '../../src/db/client.js'

/** The tables in which some row, as text, contains `needle` (case-insensitive). */
export async function tablesContaining (db: Db, needle: string): Promise<string[]> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`
  const found: string[] = []
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM "${name}" AS r WHERE r::text ILIKE '%' || $1 || '%'`, needle)
    if (row && row.n > 0n) found.push(name)
  }
  return found
}
