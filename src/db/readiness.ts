// Readiness: the database answers and every migration in prisma/migrations is recorded as applied.
import { readdir } from 'node:fs/promises'
import type { Db } from './client.js'
import { migrationsDir } from './migrations.js'

export async function expectedMigrations (): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true })
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
}

export type Readiness = { ready: true, migrations: number } | { ready: false, reason: string }

export async function checkReadiness (db: Db, expected: readonly string[]): Promise<Readiness> {
  let applied: Array<{ migration_name: string }>
  try {
    applied = await db.$queryRaw`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
  } catch {
    return { ready: false, reason: 'The database is unreachable, or has no migrations table.' }
  }
  const names = new Set(applied.map((r) => r.migration_name))
  const missing = expected.filter((name) => !names.has(name))
  if (missing.length > 0) return { ready: false, reason: `Migrations not applied: ${missing.join(', ')}. Run npm run db:migrate.` }
  return { ready: true, migrations: expected.length }
}
