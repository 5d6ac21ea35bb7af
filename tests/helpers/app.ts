// Builds the app for one test file against its own fresh database on the server in DATABASE_URL
// (set by `npm test`), so tap can run files in parallel. Torn down with the test.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import type { Test } from 'tap'
import { buildApp, type BuildOptions } from '../../src/app.js'
import { loadConfig, type Config } from '../../src/config.js'
import { loadContract, type Contract } from '../../src/contract/contract.js'
import { createDb, type Db } from '../../src/db/client.js'
import { applyMigrations } from '../../src/db/migrations.js'

let contract: Promise<Contract> | undefined

function serverUrl (): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`')
  return url
}

/** Creates an empty, migrated database and drops it when the test ends. Returns its URL. */
export async function freshDatabase (t: Test): Promise<string> {
  const name = `candor_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl() })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  t.teardown(async () => {
    const c = new pg.Client({ connectionString: serverUrl() })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  })
  await applyMigrations(url.toString())
  return url.toString()
}

export interface TestApp {
  app: FastifyInstance
  db: Db
  config: Config
}

export async function buildTestApp (t: Test, env: Record<string, string> = {}, opts: BuildOptions = {}): Promise<TestApp> {
  const databaseUrl = env.DATABASE_URL ?? await freshDatabase(t)
  // Triage on the event loop unless a test asks for worker threads (tests/triage/runner.test.ts; the
  // failure tests run the real server, which has them): a thread per test app would cost ~0.5 s each.
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_ENABLED: 'false', TRIAGE_THREADS: '0', ...env, DATABASE_URL: databaseUrl })
  contract ??= loadContract()
  const app = await buildApp(config, { contract: await contract, ...opts })
  const db = createDb(databaseUrl, 2)
  t.teardown(async () => {
    await app.close()
    await db.$disconnect()
  })
  return { app, db, config }
}
