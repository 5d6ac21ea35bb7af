// Hot reads as named prepared statements, planned once per connection (why, with the measurements:
// src/store/pools.ts).
import { createHash } from 'node:crypto'
import type pg from 'pg'
import type { Prisma } from '../generated/prisma/client.js'

/** Runs `sql` (built with Prisma.sql) as a prepared statement named after its text. */
export async function preparedQuery<T> (pool: pg.Pool, sql: Prisma.Sql): Promise<T[]> {
  const name = `candor_${createHash('sha1').update(sql.text).digest('base64url').slice(0, 20)}`
  const result = await pool.query<T & pg.QueryResultRow>({ name, text: sql.text, values: sql.values as unknown[] })
  return result.rows
}
