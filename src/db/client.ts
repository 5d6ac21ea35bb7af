// Creates the Prisma client for a database URL; the app owns one per instance (no global client).
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client.js'

export type Db = InstanceType<typeof PrismaClient>
/** What a function running inside `db.$transaction(async (tx) => …)` receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

export function createDb (databaseUrl: string, poolSize = 10): Db {
  // A short connect timeout: when the database is down, requests fail fast with 503 instead of hanging.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 2000 }) })
}
