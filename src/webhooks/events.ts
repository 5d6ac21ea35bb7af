// Webhook events go into the outbox inside the transaction of the change they report, so an event
// exists if and only if the change committed. The deliverer sends them afterwards.
import type { Schemas } from '../contract/types.js'
import type { Tx } from '../db/client.js'

export type WebhookEventName = Schemas['WebhookEvent']

/** Payloads carry ids, levels and statuses, never story text or anything about the author. */
export async function enqueueEvent (tx: Tx, siteId: string, type: WebhookEventName, data: Record<string, unknown>): Promise<number> {
  const hooks = await tx.webhook.findMany({ where: { siteId, disabledAt: null, events: { has: type } }, select: { id: true } })
  if (hooks.length === 0) return 0
  const payload = JSON.parse(JSON.stringify({ type, timestamp: new Date().toISOString(), data })) as object
  await tx.webhookDelivery.createMany({ data: hooks.map((h) => ({ webhookId: h.id, event: type, payload })) })
  return hooks.length
}
