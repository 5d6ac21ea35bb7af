// Change notifications over PostgreSQL LISTEN/NOTIFY. Listening takes a dedicated client (a pooled
// one would be handed to other queries and lose its LISTEN); publishing is one pg_notify through the
// pool. A lost listener reconnects with backoff (0.1 s doubling to 5 s) and then asks for a resync.
import pg from 'pg'
import type { Transport, TransportHandlers } from './bus.js'

const channel = 'candor_changes'
const firstRetryMs = 100
const maxRetryMs = 5_000

/** One message to every listening instance, from a process that does not listen (the CLI). */
export async function pgAnnounce (databaseUrl: string, message: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'candor-cli', connectionTimeoutMillis: 2000 })
  await client.connect()
  try {
    await client.query('SELECT pg_notify($1, $2)', [channel, message])
  } finally {
    await client.end()
  }
}

export function pgTransport (databaseUrl: string, pool: pg.Pool, { log, onMessage, onResync }: TransportHandlers): Transport {
  let stopped = false
  let retryMs = firstRetryMs
  let timer: NodeJS.Timeout | undefined
  let current: pg.Client | undefined
  let lostOnce = false

  function lost (client: pg.Client, err?: Error): void {
    if (current !== client || stopped) return
    current = undefined
    lostOnce = true
    log.warn({ err: err?.message }, 'change notifications lost; caches fall back to their TTLs until reconnected')
    client.end().catch(() => {})
    schedule()
  }

  function schedule (): void {
    clearTimeout(timer)
    timer = setTimeout(() => { void connect() }, retryMs)
    timer.unref()
    retryMs = Math.min(retryMs * 2, maxRetryMs)
  }

  async function connect (): Promise<void> {
    if (stopped) return
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'candor-changes', connectionTimeoutMillis: 2000 })
    client.on('notification', (n) => { if (n.channel === channel && n.payload) onMessage(n.payload) })
    client.on('error', (err) => { lost(client, err) })
    client.on('end', () => { lost(client) })
    current = client
    try {
      await client.connect()
      await client.query(`LISTEN ${channel}`)
    } catch (err) {
      lost(client, err as Error)
      return
    }
    if (stopped) { await client.end().catch(() => {}); return }
    retryMs = firstRetryMs
    if (lostOnce) {
      log.info('change notifications reconnected; caches dropped')
      onResync()
    }
  }

  return {
    start: connect,
    publish: async (message) => { await pool.query('SELECT pg_notify($1, $2)', [channel, message]) },
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      const client = current
      current = undefined
      await client?.end().catch(() => {})
    },
  }
}
