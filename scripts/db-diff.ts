// Writes the next migration: `npm run db:diff -- <name> [git-rev]` diffs prisma/schema.prisma as of
// git-rev (default HEAD; the empty database when there are no migrations yet) against the working
// copy with Prisma's engine. DATABASE_URL only needs to reach a PostgreSQL server; nothing is changed.
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { diffSchemas, migrationsDir } from '../src/db/migrations.js'

const [name, rev = 'HEAD'] = process.argv.slice(2)
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <snake_case_name> [git-rev]')
  process.exit(2)
}
const hasMigrations = (await readdir(migrationsDir, { withFileTypes: true })).some((e) => e.isDirectory())
const fromSchema = hasMigrations ? execFileSync('git', ['show', `${rev}:prisma/schema.prisma`], { encoding: 'utf8' }) : null
const sql = await diffSchemas(databaseUrl, fromSchema)
if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
  console.log('no schema change; nothing written')
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = join(migrationsDir, `${stamp}_${name}`)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'migration.sql'), sql)
  console.log(`wrote ${dir}/migration.sql`)
}
