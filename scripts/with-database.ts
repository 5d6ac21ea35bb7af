// Runs a command (the test suite) with DATABASE_URL set: the given one, or a throwaway embedded
// PostgreSQL that is removed afterwards. Usage: tsx scripts/with-database.ts <command> [args…]
import { spawn } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedPostgres } from '../src/db/embedded.js'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: tsx scripts/with-database.ts <command> [args…]')
  process.exit(2)
}

let databaseUrl = process.env.DATABASE_URL
let cleanup = async (): Promise<void> => {}
if (!databaseUrl) {
  const dir = await mkdtemp(join(tmpdir(), 'candor-test-db-'))
  // mkdtemp makes it 0700; run as root, PostgreSQL runs as the `postgres` user and must get in.
  await chmod(dir, 0o755)
  const embedded = await startEmbeddedPostgres(dir)
  databaseUrl = embedded.url
  cleanup = async () => {
    await embedded.stop()
    await rm(dir, { recursive: true, force: true })
  }
  console.error(`[with-database] embedded PostgreSQL for this run (no DATABASE_URL given)`)
}

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl }, shell: false })
const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => { resolve(c ?? (signal ? 1 : 0)) }))
await cleanup()
process.exit(code)
