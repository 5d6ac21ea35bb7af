// Gets a database ready before the app starts: embedded server if no DATABASE_URL, migrations,
// demo data and the bootstrap admin key, as the configuration asks.
import type { Config } from '../config.js'
import { loadDemoData } from './demo-data.js'
import { ensureBootstrapAdminKey, hasUsableAdminKey } from './admin-key.js'
import { createDb } from '../db/client.js'
import { startEmbeddedPostgres } from '../db/embedded.js'
import { applyMigrations } from '../db/migrations.js'

export interface PreparedDatabase {
  databaseUrl: string
  embedded: boolean
  stop: () => Promise<void>
}

type Log = (msg: string) => void

export async function prepareDatabase (config: Config, log: Log): Promise<PreparedDatabase> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir)
  const databaseUrl = config.databaseUrl ?? embedded!.url
  if (embedded) log(`embedded PostgreSQL running with its data in ${config.dataDir}`)
  try {
    if (config.migrateOnStart) {
      const applied = await applyMigrations(databaseUrl)
      log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date')
    }
    const db = createDb(databaseUrl, 2)
    try {
      const wantDemo = config.demoData === 'true' || (config.demoData === 'auto' && embedded !== undefined)
      if (wantDemo && await loadDemoData(db)) log('loaded the demo site "demo"')
      const bootstrap = config.bootstrapAdminKey === undefined ? undefined : await ensureBootstrapAdminKey(db, config.bootstrapAdminKey)
      if (bootstrap === 'created') log('BOOTSTRAP_ADMIN_KEY is now an admin key')
      if (bootstrap === 'revoked') log('BOOTSTRAP_ADMIN_KEY was revoked and stays revoked')
      if (!await hasUsableAdminKey(db)) log('no usable admin key: make one with `npm run cli -- keys create --role admin`')
    } finally {
      await db.$disconnect()
    }
  } catch (e) {
    await embedded?.stop()
    throw e
  }
  return { databaseUrl, embedded: embedded !== undefined, stop: async () => { await embedded?.stop() } }
}
