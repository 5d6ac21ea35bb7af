// Site admin: a site's webhook endpoints (list, add with the signing secret shown once, delete) and each one's
// recent deliveries (status, attempts, the receiver's last answer).
import { h } from '../../browser/dom.js'
import type { Webhook, WebhookDelivery } from './api.js'
import type { ConsoleContext } from './context.js'
import { dataTable, labelled, outcome, refusal } from './fields.js'
import { dateTime } from './format.js'
import { shownOnce } from './shown-once.js'

type WebhookEvent = Webhook['events'][number]
const events: WebhookEvent[] = ['story.submitted', 'story.triaged.critical', 'story.triaged.high', 'story.reported', 'story.decided',
  'comment.submitted', 'comment.triaged.critical', 'comment.triaged.high', 'comment.reported', 'comment.decided', 'queue.overdue']

function deliveriesTable (ctx: ConsoleContext, url: string, items: WebhookDelivery[]): HTMLElement {
  const a = ctx.s.admin
  if (items.length === 0) return h('p', { class: 'muted' }, a.noDeliveries)
  return dataTable(a.deliveriesHeading(url), [a.event, a.status, a.attempts, a.lastResult, a.created, a.nextAttempt], items.map((d) => [
    d.event, a.deliveryStatuses[d.status] ?? d.status, String(d.attempts),
    [d.lastStatusCode === null ? '' : `HTTP ${d.lastStatusCode}`, d.lastError ?? ''].filter(Boolean).join(' · ') || '–',
    dateTime(d.createdAt), d.deliveredAt ? a.delivered(dateTime(d.deliveredAt)) : d.status === 'pending' ? dateTime(d.nextAttemptAt) : '–',
  ]), 'deliveries')
}

export function webhooksSection (ctx: ConsoleContext, site: string): HTMLElement {
  const { api, s } = ctx
  const a = s.admin
  const said = outcome()
  const list = h('div', {})
  const deliveries = h('div', { 'aria-live': 'polite' })
  const once = h('div', {})
  const path = (webhookId: string) => ({ params: { path: { site, webhookId } } })

  async function showDeliveries (hook: Webhook): Promise<void> {
    const { data, error, response } = await api.GET('/v1/admin/sites/{site}/webhooks/{webhookId}/deliveries', path(hook.id))
    if (!data) { said.warn(refusal(s, error, response.status)); return }
    deliveries.replaceChildren(deliveriesTable(ctx, hook.url, data.items))
  }

  function actions (hook: Webhook): HTMLElement {
    const show = h('button', { type: 'button', 'aria-label': a.showDeliveries(hook.url) }, a.showDeliveriesShort)
    const remove = h('button', { type: 'button', 'aria-label': a.deleteWebhook(hook.url) }, a.deleteShort)
    show.addEventListener('click', () => { void showDeliveries(hook) })
    remove.addEventListener('click', () => {
      if (!confirm(a.confirmDelete(hook.url))) return
      void api.DELETE('/v1/admin/sites/{site}/webhooks/{webhookId}', path(hook.id)).then(({ error, response }) => {
        if (!response.ok) { said.warn(refusal(s, error, response.status)); return }
        said.say(a.webhookDeleted)
        deliveries.replaceChildren()
        void load()
      })
    })
    return h('div', { class: 'buttons' }, show, remove)
  }

  async function load (): Promise<void> {
    const { data } = await api.GET('/v1/admin/sites/{site}/webhooks', { params: { path: { site } } }).catch(() => ({ data: undefined }))
    if (!data) { said.warn(s.loadFailed); return }
    list.replaceChildren(data.items.length === 0 ? h('p', { class: 'muted' }, a.noWebhooks)
      : dataTable(a.webhooksHeading, [a.url, a.events, a.created, a.actions], data.items.map((hook) => [hook.url, hook.events.join(', '), dateTime(hook.createdAt), actions(hook)]), 'webhooks'))
  }

  const url = h('input', { type: 'url', name: 'url', required: true, maxlength: '500', placeholder: 'https://' })
  const boxes = events.map((event) => h('label', {}, h('input', { type: 'checkbox', name: 'events', value: event }), ` ${event}`))
  const create = h('form', { class: 'form-grid', 'aria-labelledby': 'new-webhook-heading' },
    h('h4', { id: 'new-webhook-heading' }, a.newWebhook), labelled(a.url, url),
    h('fieldset', { class: 'site-choice' }, h('legend', {}, a.webhookEvents), ...boxes),
    h('button', { type: 'submit' }, a.createWebhook))
  create.addEventListener('submit', (e) => {
    e.preventDefault()
    const chosen = boxes.map((l) => l.querySelector('input')!).filter((i) => i.checked).map((i) => i.value as WebhookEvent)
    void api.POST('/v1/admin/sites/{site}/webhooks', { params: { path: { site } }, body: { url: url.value.trim(), events: chosen } }).then(({ data, error, response }) => {
      if (!data) { said.warn(refusal(s, error, response.status)); return }
      said.clear()
      once.replaceChildren(shownOnce(s, a.secretShownOnce(data.url), a.signingSecret, data.secret))
      create.reset()
      void load()
    })
  })
  void load()
  return h('section', { class: 'panel-part', 'aria-labelledby': 'webhooks-heading' },
    h('h4', { id: 'webhooks-heading' }, a.webhooksHeading), list, deliveries, create, once, said.element)
}
