// Webhook events go into the outbox inside the transaction of the change they report, so an event
// exists if and only if the change committed. The deliverer sends them afterwards.
import { v7 as uuidv7 } from 'uuid'
import type { Schemas } from '../contract/types.js'
import { sql, type Executor } from '../db/executor.js'
import { Prisma } from '../generated/prisma/client.js'

export type WebhookEventName = Schemas['WebhookEvent']

/** Payloads carry ids, levels and statuses, never story text or anything about the author. */
export async function enqueueEvent (on: Executor, siteId: string, type: WebhookEventName, data: Record<string, unknown>): Promise<number> {
  const hooks = await sql<{ id: string }>(on, Prisma.sql`
    SELECT id FROM webhooks WHERE site_id = ${siteId}::uuid AND disabled_at IS NULL AND ${type} = ANY(events)`)
  if (hooks.length === 0) return 0
  const payload = JSON.stringify({ type, timestamp: new Date().toISOString(), data })
  const rows = hooks.map((h) => Prisma.sql`(${uuidv7()}::uuid, ${h.id}::uuid, ${type}, ${payload}::jsonb)`)
  await sql(on, Prisma.sql`INSERT INTO webhook_deliveries (id, webhook_id, event, payload) VALUES ${Prisma.join(rows)}`)
  return hooks.length
}
