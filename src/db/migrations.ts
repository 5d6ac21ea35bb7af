// Applies prisma/migrations/*/migration.sql with Prisma's own schema engine, recording each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool can take over.
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import type { MigrationList } from '@prisma/schema-engine-wasm'
import { openSchemaEngine } from './schema-engine.js'

export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))
export const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url))

export async function readMigrations (baseDir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true })
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
  const lockPath = join(baseDir, 'migration_lock.toml')
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    }))),
  }
}

/** Applies every migration not yet recorded; returns the names it applied. */
export async function applyMigrations (databaseUrl: string): Promise<string[]> {
  const session = await openSchemaEngine(databaseUrl)
  try {
    const { appliedMigrationNames } = await session.engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: { externalTables: [], externalEnums: [] },
    })
    return appliedMigrationNames
  } finally {
    await session.close()
  }
}

/**
 * The SQL that takes a database at `fromSchema` (a Prisma schema's text, or nothing for an empty
 * database) to prisma/schema.prisma: the body of the next migration. The wasm engine can neither
 * create a shadow database nor introspect one here, so the starting point is the previous schema.
 */
export async function diffSchemas (databaseUrl: string, fromSchema: string | null): Promise<string> {
  const content = await readFile(schemaPath, 'utf8')
  const session = await openSchemaEngine(databaseUrl)
  try {
    const result = await session.engine.diff({
      from: fromSchema === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: fromSchema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    })
    return result.stdout ?? ''
  } finally {
    await session.close()
  }
}
