// Migrations from an empty database, recorded exactly as `prisma migrate deploy` records them.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import t from 'tap'
import { applyMigrations, migrationsDir } from '../../src/db/migrations.js'
import { expectedMigrations } from '../../src/db/readiness.js'
import { freshDatabase } from '../helpers/app.js'

t.test('every migration applies to an empty database once, with Prisma\'s checksum', async (t) => {
  const url = await freshDatabase(t) // already migrated once
  t.same(await applyMigrations(url), [], 'a second run applies nothing')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  t.teardown(() => client.end())
  const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name')
  const names = await expectedMigrations()
  t.same(rows.map((r) => r.migration_name), names)
  for (const row of rows) {
    const sql = readFileSync(join(migrationsDir, row.migration_name, 'migration.sql'))
    t.equal(row.checksum, createHash('sha256').update(sql).digest('hex'), `${row.migration_name} checksum`)
    t.ok(row.finished_at, `${row.migration_name} finished`)
  }
  const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename)
  t.same(tables, ['_ApiKeyToSite', '_prisma_migrations', 'api_keys', 'audit_events', 'audit_notes', 'idempotency_keys', 'reader_ratings', 'reports', 'research_count_deltas', 'research_daily_counts', 'sites', 'stories', 'submission_fingerprints', 'topic_counts', 'topics', 'triage_labels', 'webhook_deliveries', 'webhooks'])
})
