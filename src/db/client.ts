// Creates the database access for a URL; the app owns one per instance (no global client): Prisma
// for most work, and the same pg pool for the few hot reads that run as named prepared statements.
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '../generated/prisma/client.js'

export type Db = InstanceType<typeof PrismaClient>
/** What a function running inside `db.$transaction(async (tx) => …)` receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

export interface Database {
  db: Db
  pool: pg.Pool
}

export function createDatabase (databaseUrl: string, poolSize = 10): Database {
  // A short connect timeout: when the database is down, requests fail fast with 503 instead of hanging.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 2000 })
  // Prisma ends the pool on $disconnect.
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) })
  return { db, pool }
}

export function createDb (databaseUrl: string, poolSize = 10): Db {
  return createDatabase(databaseUrl, poolSize).db
}
