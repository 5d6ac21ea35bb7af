// Shared by the failure tests: free ports, a real server process, plain HTTP requests on fresh
// connections (so each outcome is unambiguous), and bursts of submissions.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { createDb } from '../../src/db/client.js'
import { freePort } from '../../src/db/embedded.js'
import { freshDatabase } from '../helpers/app.js'
import { siteWithTopic } from '../helpers/factories.js'

export const root = fileURLToPath(new URL('../..', import.meta.url))

export const sleep = async (ms: number): Promise<void> => { await new Promise((r) => setTimeout(r, ms)) }

export type Outcome =
  | { kind: 'response', status: number, body: string, json: unknown }
  | { kind: 'garbled', detail: string }
  | { kind: 'refused', code: string }
  | { kind: 'reset', code: string }

/** One request on its own connection (no keep-alive). A response whose body is cut or not JSON is `garbled`. */
export async function send (port: number, method: string, path: string, body?: unknown): Promise<Outcome> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return await new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('aborted', () => { resolve({ kind: 'garbled', detail: `aborted after ${Buffer.concat(chunks).length} bytes` }) })
      res.on('error', (err) => { resolve({ kind: 'garbled', detail: err.message }) })
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const expected = Number(res.headers['content-length'] ?? Number.NaN)
        if (!Number.isNaN(expected) && expected !== Buffer.byteLength(text)) return resolve({ kind: 'garbled', detail: `${Buffer.byteLength(text)} of ${expected} bytes` })
        if (text === '') return resolve({ kind: 'response', status: res.statusCode ?? 0, body: text, json: null })
        try {
          resolve({ kind: 'response', status: res.statusCode ?? 0, body: text, json: JSON.parse(text) })
        } catch {
          resolve({ kind: 'garbled', detail: `not JSON: ${text.slice(0, 80)}` })
        }
      })
    })
    req.on('error', (err: NodeJS.ErrnoException) => {
      resolve(err.code === 'ECONNREFUSED' ? { kind: 'refused', code: err.code } : { kind: 'reset', code: err.code ?? err.message })
    })
    req.end(payload)
  })
}

/** A story unlike any other (the near-duplicate check compares text), from a patient human (fillMs). */
export function distinctStory (i: number) {
  const words = Array.from({ length: 12 }, () => randomBytes(4).toString('hex')).join(' ')
  return { title: `Story ${i} ${randomBytes(3).toString('hex')}`, body: `Entry ${i}: ${words}. It helped with my sleep.`, verdict: 'effective', consent: { publish: true }, fillMs: 20_000 }
}

/**
 * Sends `total` requests with `concurrency` in flight, calling `onOutcome` after each; stops starting
 * new ones once every remaining request would fail anyway (the caller decides when to kill).
 */
export async function burst (total: number, concurrency: number, make: (i: number) => Promise<Outcome>, onOutcome: (done: number) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(total)
  let next = 0
  let done = 0
  async function worker (): Promise<void> {
    while (next < total) {
      const i = next++
      outcomes[i] = await make(i)
      onOutcome(++done)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return outcomes
}

export interface Server { child: ChildProcess, port: number, exited: Promise<{ code: number | null, signal: NodeJS.Signals | null, at: number }>, output: () => string }

/** Runs src/server.ts as production does (a real process), and waits until /health answers. */
export async function startServer (databaseUrl: string): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn', DEMO_DATA: 'false', MIGRATE_ON_START: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => { output += String(c) })
  child.stderr?.on('data', (c: Buffer) => { output += String(c) })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null, at: number }>((resolve) => {
    child.on('exit', (code, signal) => { resolve({ code, signal, at: Date.now() }) })
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const res = await send(port, 'GET', '/health')
    if (res.kind === 'response' && res.status === 200) return { child, port, exited, output: () => output }
    if (child.exitCode !== null) break
    await sleep(100)
  }
  child.kill('SIGKILL')
  throw new Error(`the server did not start:\n${output}`)
}

export const count = (outcomes: Outcome[], test: (o: Outcome) => boolean): number => outcomes.filter((o) => o !== undefined && test(o)).length
export const createdIds = (outcomes: Outcome[]): string[] =>
  outcomes.flatMap((o) => (o?.kind === 'response' && o.status === 201 ? [(o.json as { id: string }).id] : []))

export { freePort }

/** A real server process on a fresh database with one site and topic; killed if a test leaves it running. */
export async function serverWithTopic (t: Test) {
  const url = await freshDatabase(t)
  const db = createDb(url, 2)
  t.teardown(async () => { await db.$disconnect() })
  const { storiesUrl } = await siteWithTopic(db)
  const server = await startServer(url)
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
  return { db, storiesUrl, server }
}
