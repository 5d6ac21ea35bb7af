// Shared bench plumbing: which PostgreSQL to use, per-size database URLs, free ports, child servers.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { freePort } from '../src/db/embedded.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/db/embedded.js'

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** `--name value` and `--flag` arguments. */
export function parseArgs (argv: string[]): Map<string, string> {
  const args = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (!a.startsWith('--')) continue
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined]
    const next = argv[i + 1]
    if (inline !== undefined) args.set(name, inline)
    else if (next !== undefined && !next.startsWith('--')) { args.set(name, next); i++ } else args.set(name, 'true')
  }
  return args
}

export function numberArg (args: Map<string, string>, name: string, fallback: number): number {
  const raw = args.get(name)
  if (raw === undefined) return fallback
  const n = Number(raw.replace(/[_,]/g, ''))
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number, got ${raw}`)
  return n
}

export interface Server {
  /** URL of some database on the server (the bench derives its own database names from it). */
  url: string
  embedded: boolean
  stop: () => Promise<void>
}

/** DATABASE_URL's server, or an embedded PostgreSQL under dataDir (a temporary one, removed on stop). */
export async function openServer (databaseUrl: string | undefined, dataDir?: string): Promise<Server> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} }
  const dir = dataDir ?? await mkdtemp(join(tmpdir(), 'candor-bench-db-'))
  await mkdir(dir, { recursive: true })
  await chmod(dir, 0o755) // run as root, PostgreSQL runs as `postgres` and must get in
  const embedded = await startEmbeddedPostgres(dir)
  return {
    url: embedded.url,
    embedded: true,
    stop: async () => {
      await embedded.stop()
      if (!dataDir) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The same server, another database. */
export function withDatabase (url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1))

/** Creates the database if it does not exist; `fresh` drops it first (only for candor_bench* names). */
export async function ensureDatabase (url: string, fresh: boolean): Promise<void> {
  const name = databaseName(url)
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await admin.connect()
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`
    if (fresh) {
      if (!name.startsWith('candor_bench')) throw new Error(`refusing to drop ${name}: only candor_bench* databases are recreated`)
      await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`)
    }
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await admin.query(`CREATE DATABASE ${quoted}`)
  } finally {
    await admin.end()
  }
}


export interface ChildServer {
  url: string
  child: ChildProcess
  stop: () => Promise<void>
}

/** Waits until GET url answers 200 (or the child dies, or the timeout passes). */
async function waitFor (url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms:\n${output()}`)
}

/** Runs a TypeScript entry point with `node --import tsx` and waits until `readyPath` answers. */
export async function startChild (script: string, args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const keep = (chunk: Buffer): void => { out = (out + chunk.toString()).slice(-8000) }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitFor(url + readyPath, child, 120_000, () => out)
  } catch (e) {
    await stop()
    throw e
  }
  return { url, child, stop }
}

/** The Candor server (src/server.ts) on a free loopback port, rate limits off, one trusted proxy hop. */
export async function startCandor (databaseUrl: string): Promise<ChildServer> {
  const port = await freePort()
  return await startChild('src/server.ts', [], {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    MIGRATE_ON_START: 'true',
    DEMO_DATA: 'false',
    RATE_LIMIT_ENABLED: 'false',
    // The bench stands in for many visitors by sending X-Forwarded-For (see the submit scenario).
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: 'warn',
  }, port, '/ready')
}

export { freePort }
