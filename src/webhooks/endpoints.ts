// Admin management of a site's webhook endpoints and their delivery history.
import { randomBytes } from 'node:crypto'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { findSite } from '../sites/sites.js'
import { assertDeliverable } from './url-safety.js'

type WebhookRow = { id: string, url: string, events: string[], createdAt: Date }

export const toWebhookView = (w: WebhookRow) => ({
  id: w.id, url: w.url, events: w.events as Schemas['WebhookEvent'][], createdAt: w.createdAt.toISOString(),
})

export async function createWebhook (db: Db, siteSlug: string, input: { url: string, events: Schemas['WebhookEvent'][] }, allowPrivate: boolean) {
  const site = await findSite(db, siteSlug)
  await assertDeliverable(input.url, allowPrivate)
  const secret = `whsec_${randomBytes(32).toString('base64')}`
  const hook = await db.webhook.create({ data: { siteId: site.id, url: input.url, events: input.events, secret } })
  return { ...toWebhookView(hook), secret }
}

export async function listWebhooks (db: Db, siteSlug: string) {
  const site = await findSite(db, siteSlug)
  return (await db.webhook.findMany({ where: { siteId: site.id, disabledAt: null }, orderBy: { createdAt: 'asc' } })).map(toWebhookView)
}

async function findWebhook (db: Db, siteSlug: string, id: string) {
  const site = await findSite(db, siteSlug)
  const hook = await db.webhook.findFirst({ where: { id, siteId: site.id } })
  if (!hook) throw errors.webhookNotFound()
  return hook
}

export async function deleteWebhook (db: Db, siteSlug: string, id: string): Promise<void> {
  const hook = await findWebhook(db, siteSlug, id)
  await db.webhook.delete({ where: { id: hook.id } })
}

export async function listDeliveries (db: Db, siteSlug: string, id: string, limit: number) {
  const hook = await findWebhook(db, siteSlug, id)
  const rows = await db.webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: 'desc' }, take: limit })
  return rows.map((d) => ({
    id: d.id,
    event: d.event as Schemas['WebhookEvent'],
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  }))
}
