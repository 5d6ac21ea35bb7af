// The machine's ceilings, as child servers: bare Fastify returning a constant, and bare Fastify + pg doing one indexed query.
import { pathToFileURL } from 'node:url'
import Fastify from 'fastify'
import pg from 'pg'
import { freePort, startChild, type ChildServer } from './common.js'

export type CeilingKind = 'constant' | 'pg'

/** Starts the ceiling server in its own process, as the app runs in its own, so both get the same CPU share. */
export async function startCeiling (kind: CeilingKind, databaseUrl: string): Promise<ChildServer> {
  const port = await freePort()
  return await startChild('bench/ceilings.ts', ['--kind', kind, '--port', String(port)], { DATABASE_URL: databaseUrl }, port, '/health')
}

/**
 * `constant`: GET / → {ok:true}. `pg`: GET /story/:id → SELECT id FROM stories WHERE id = $1 (primary-key
 * lookup) through a pg Pool of 10 connections, the size of the app's Prisma pool.
 */
async function serve (kind: CeilingKind, port: number, databaseUrl: string): Promise<void> {
  const app = Fastify({ logger: false })
  app.get('/health', async () => ({ ok: true }))
  if (kind === 'constant') {
    app.get('/', async () => ({ ok: true }))
  } else {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
    app.addHook('onClose', async () => { await pool.end() })
    app.get<{ Params: { id: string } }>('/story/:id', async (request, reply) => {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM stories WHERE id = $1', [request.params.id])
      if (rows.length === 0) return await reply.code(404).send({ found: false })
      return { id: rows[0]!.id }
    })
  }
  process.once('SIGTERM', () => { void app.close().then(() => process.exit(0)) })
  await app.listen({ host: '127.0.0.1', port })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const kind = args[args.indexOf('--kind') + 1] as CeilingKind
  const port = Number(args[args.indexOf('--port') + 1])
  await serve(kind, port, process.env.DATABASE_URL ?? '')
}
