// Webhooks: the admin's endpoints and delivery history, and the deliverer that sends the outbox for
// the app's lifetime (woken by the after-commit step when a change enqueued events).
import type { FastifyBaseLogger } from 'fastify'
import type { Schemas } from '../contract/types.js'
import { startDeliverer, type Deliverer, type DelivererOptions } from '../webhooks/deliverer.js'
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../webhooks/endpoints.js'
import type { ServiceContext } from './context.js'

export interface WebhookSettings { allowPrivate: boolean, pollMs: number, maxAttempts: number }

export function webhooksService ({ db }: ServiceContext, settings: WebhookSettings) {
  let deliverer: Deliverer | undefined
  return {
    list: async (site: string) => await listWebhooks(db, site),
    create: async (site: string, input: { url: string, events: Schemas['WebhookEvent'][] }) => await createWebhook(db, site, input, settings.allowPrivate),
    delete: async (site: string, id: string) => { await deleteWebhook(db, site, id) },
    deliveries: async (site: string, id: string, limit: number) => await listDeliveries(db, site, id, limit),
    startDelivering: (opts: { log: FastifyBaseLogger } & Pick<DelivererOptions, 'onDelivery' | 'resolve'>) => {
      deliverer = startDeliverer({ db, ...settings, ...opts })
    },
    /** Deliver soon rather than at the next poll. */
    kick: () => { deliverer?.kick() },
    stopDelivering: async () => { await deliverer?.stop() },
  }
}
