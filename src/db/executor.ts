// Where a statement runs: a Prisma transaction, or a pg client holding a transaction of its own (the
// submission path; why is measured in src/store/pools.ts). Shared steps (audit, webhooks,
// near-duplicates) take either, so there is one copy of each.
import type pg from 'pg'
import type { Prisma } from '../generated/prisma/client.js'
import type { Tx } from './client.js'

export type Executor = Tx | pg.ClientBase

/** Runs a statement built with Prisma.sql on either kind of executor and returns its rows. */
export async function sql<T> (on: Executor, statement: Prisma.Sql): Promise<T[]> {
  if ('$queryRaw' in on) return await on.$queryRaw<T[]>(statement)
  return (await on.query<T & pg.QueryResultRow>(statement.text, statement.values as unknown[])).rows
}

/** BEGIN … COMMIT on a pooled connection; ROLLBACK when `work` throws. */
export async function pgTransaction<T> (pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken = false
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { broken = true })
    throw err
  } finally {
    // A connection that could not roll back is dropped, not reused.
    client.release(broken)
  }
}
