// Delivers the webhook outbox: claims due deliveries with SKIP LOCKED (so several instances share the
// work), signs them (Standard Webhooks), retries with exponential backoff, and survives restarts
// because every state lives in the database.
import type { FastifyBaseLogger } from 'fastify'
import { Webhook as Signer } from 'standardwebhooks'
import type { Db } from '../db/client.js'
import { postPinned } from './pinned-post.js'
import { pinTarget, systemResolver, type Resolver } from './url-safety.js'

export interface DelivererOptions {
  db: Db
  log: FastifyBaseLogger
  allowPrivate: boolean
  pollMs: number
  maxAttempts: number
  onDelivery?: (outcome: 'delivered' | 'retry' | 'failed') => void
  /** How endpoint names are resolved (tests inject a DNS that changes its answer). */
  resolve?: Resolver
}

interface DueDelivery { id: string, webhook_id: string, event: string, payload: unknown, attempts: number }

/** A claimed delivery is leased for this long: if this instance dies mid-send, another retries it. */
const leaseSeconds = 60
const timeoutMs = 5000

export const backoffMs = (attempts: number): number => Math.min(1000 * 2 ** (attempts - 1), 3_600_000)

export function startDeliverer (opts: DelivererOptions) {
  const { db, log } = opts
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  async function send (delivery: DueDelivery, url: string, secret: string): Promise<{ ok: boolean, status: number | null, error: string | null }> {
    try {
      // Checked again at send time (DNS can change after registration), and connected to exactly the
      // address checked, so a rebinding answer between check and connect is never used.
      const target = await pinTarget(url, opts.allowPrivate, opts.resolve ?? systemResolver)
      const body = JSON.stringify(delivery.payload)
      const timestamp = new Date()
      const status = await postPinned(target, {
        'content-type': 'application/json',
        'user-agent': 'Candor-Webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': new Signer(secret).sign(delivery.id, timestamp, body),
      }, body, timeoutMs)
      const ok = status >= 200 && status < 300
      return { ok, status, error: ok ? null : `HTTP ${status}` }
    } catch (e) {
      return { ok: false, status: null, error: (e as Error).message.slice(0, 500) }
    }
  }

  async function deliverDue (): Promise<number> {
    const due = await db.$queryRaw<DueDelivery[]>`
      UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
      FROM (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED) claimed
      WHERE d.id = claimed.id
      RETURNING d.id, d.webhook_id, d.event, d.payload, d.attempts`
    if (due.length === 0) return 0
    const hooks = new Map((await db.webhook.findMany({ where: { id: { in: due.map((d) => d.webhook_id) } } })).map((h) => [h.id, h]))
    await Promise.all(due.map(async (delivery) => {
      const hook = hooks.get(delivery.webhook_id)
      if (!hook) return
      const result = await send(delivery, hook.url, hook.secret)
      const attempts = delivery.attempts + 1
      const outcome = result.ok ? 'delivered' : attempts >= opts.maxAttempts ? 'failed' : 'retry'
      await db.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts,
          lastStatusCode: result.status,
          lastError: result.error,
          ...(outcome === 'delivered' ? { status: 'delivered', deliveredAt: new Date() } : {}),
          ...(outcome === 'failed' ? { status: 'failed' } : {}),
          ...(outcome === 'retry' ? { nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) } : {}),
        },
      })
      opts.onDelivery?.(outcome)
      if (outcome !== 'delivered') log.warn({ deliveryId: delivery.id, attempts, error: result.error }, 'webhook delivery failed')
    }))
    return due.length
  }

  async function tick (): Promise<void> {
    try {
      // Keep going while there is a backlog.
      while (!stopped && await deliverDue() > 0) {}
    } catch (err) {
      if (!stopped) log.error({ err }, 'webhook deliverer tick failed')
    }
  }

  function schedule (delay: number): void {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined
        schedule(opts.pollMs)
      })
    }, delay)
    timer.unref()
  }

  schedule(0)
  return {
    /** Deliver soon (after a commit that enqueued events) rather than at the next poll. */
    kick: () => { if (!running) schedule(0) },
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

export type Deliverer = ReturnType<typeof startDeliverer>
