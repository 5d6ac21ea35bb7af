// Webhooks end to end against a real HTTP receiver on loopback: signed, fast for critical stories,
// retried while the endpoint is down, never lost across a restart, refused for private targets, and
// sent to the address that was resolved and checked, whatever DNS answers next.
import { once } from 'node:events'
import { Webhook } from 'standardwebhooks'
import t from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic, submit } from '../helpers/factories.js'
import { receiver, until } from '../helpers/webhook-receiver.js'
import { pinTarget, type Resolver } from '../../src/webhooks/url-safety.js'

/** A DNS that gives each answer in turn (the last one from then on), and counts the questions. */
function changingDns (...answers: string[]) {
  const asked: string[] = []
  const resolve: Resolver = async (host) => {
    asked.push(host)
    const address = answers[Math.min(asked.length, answers.length) - 1]!
    return [{ address, family: address.includes(':') ? 6 : 4 }]
  }
  return { resolve, asked }
}

const selfHarm = { title: 'I wanted to die', body: 'Afterwards I felt so hopeless that I wanted to die and I made a plan.' }
const env = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '200' }

t.test('a critical story reaches the endpoint within seconds, signed, without its text', async (t) => {
  const { app, db } = await buildTestApp(t, env)
  await app.ready()
  const { storiesUrl, site } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const hook = await receiver(t)
  const created = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: hook.url, events: ['story.triaged.critical'] } })
  t.equal(created.statusCode, 201)
  const { secret, id: webhookId } = created.json()
  t.match(secret, /^whsec_/)

  const started = Date.now()
  const { id } = await submit(app, storiesUrl, selfHarm)
  await submit(app, storiesUrl) // a normal story: not subscribed, not sent
  const delivery = await until(() => hook.received[0])
  t.ok(Date.now() - started < 3000, `delivered in ${Date.now() - started} ms`)
  const payload = new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string, data: Record<string, unknown> }
  t.match(payload, { type: 'story.triaged.critical', data: { storyId: id, level: 'critical', categories: ['self_harm'] } })
  t.notMatch(delivery.body, /hopeless|wanted to die/, 'no story text leaves in a webhook')
  t.throws(() => new Webhook(secret).verify(delivery.body.replace('critical', 'normal'), delivery.headers), 'a tampered body fails verification')

  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(hook.received.length, 1, 'only the subscribed event is sent')
  const history = (await app.inject({ url: `/v1/admin/sites/${site.slug}/webhooks/${webhookId}/deliveries`, headers: bearer(admin) })).json().items
  t.match(history, [{ id: delivery.headers['webhook-id'], status: 'delivered', attempts: 1, lastStatusCode: 204 }])
})

t.test('an endpoint that is down, then up: retried with the same webhook-id, delivered once', async (t) => {
  const { app, db } = await buildTestApp(t, env)
  await app.ready()
  const { storiesUrl, site } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const hook = await receiver(t, [503, 500])
  await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: hook.url, events: ['story.submitted'] } })
  await submit(app, storiesUrl)
  await until(() => (hook.received.length >= 3 ? true : undefined), 15_000)
  t.equal(new Set(hook.received.map((r) => r.headers['webhook-id'])).size, 1, 'every attempt carries the same webhook-id')
  const row = await until(async () => {
    const d = await db.webhookDelivery.findFirst()
    return d?.status === 'delivered' ? d : undefined
  })
  t.match(row, { attempts: 3, lastStatusCode: 204 })
  await new Promise((resolve) => setTimeout(resolve, 1500))
  t.equal(hook.received.length, 3, 'nothing is sent again after success')
})

t.test('deliveries enqueued before a restart are sent after it', async (t) => {
  const databaseUrl = await freshDatabase(t)
  const first = await buildTestApp(t, { ...env, DATABASE_URL: databaseUrl })
  await first.app.ready()
  const { storiesUrl, site } = await siteWithTopic(first.db)
  const admin = await apiKey(first.db, 'admin')
  // An endpoint that refuses connections while the first instance runs.
  const hook = await receiver(t)
  hook.server.close()
  await first.app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: hook.url, events: ['story.submitted'] } })
  await submit(first.app, storiesUrl)
  await until(async () => ((await first.db.webhookDelivery.findFirst())?.attempts ? true : undefined))
  await first.app.close()

  hook.server.listen(Number(new URL(hook.url).port), '127.0.0.1')
  await once(hook.server, 'listening')
  await first.db.webhookDelivery.updateMany({ data: { nextAttemptAt: new Date() } }) // skip the backoff wait
  const second = await buildTestApp(t, { ...env, DATABASE_URL: databaseUrl })
  await second.app.ready()
  await until(() => hook.received[0])
  t.equal((await second.db.webhookDelivery.findFirstOrThrow()).status, 'delivered')
})

t.test('endpoints on loopback, private or link-local addresses, or plain http, are refused by default', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  for (const url of ['http://example.com/hook', 'https://127.0.0.1/hook', 'https://localhost/hook', 'https://10.1.2.3/hook', 'https://169.254.169.254/latest', 'https://[::1]/hook', 'https://user:pw@example.com/',
    'https://[::127.0.0.1]/hook', 'https://[::a9fe:a9fe]/latest', 'https://[::ffff:10.0.0.1]/hook', 'https://[::]/hook']) {
    const res = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url, events: ['story.submitted'] } })
    t.equal(res.statusCode, 400, url)
    t.equal(res.json().code, 'webhook_url_refused', url)
  }
  t.equal(await db.webhook.count(), 0)
})

t.test('a story past its review target is listed as overdue and announced once', async (t) => {
  const { app, db } = await buildTestApp(t, env, { overdueScanMs: 100 })
  await app.ready()
  const { storiesUrl, site } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const hook = await receiver(t)
  await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: hook.url, events: ['queue.overdue'] } })
  const { id } = await submit(app, storiesUrl, selfHarm)
  const fresh = (await app.inject({ url: '/v1/moderation/queue?overdue=true', headers: bearer(admin) })).json().items
  t.same(fresh, [], 'nothing is late yet')
  await db.story.update({ where: { id }, data: { createdAt: new Date(Date.now() - 61 * 60_000) } }) // critical target: 1 h
  const [late] = (await app.inject({ url: '/v1/moderation/queue?overdue=true', headers: bearer(admin) })).json().items
  t.match(late, { id, overdue: true, triage: { level: 'critical' } })
  const delivery = await until(() => hook.received[0])
  t.match(JSON.parse(delivery.body), { type: 'queue.overdue', data: { storyId: id, level: 'critical' } })
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(hook.received.length, 1, 'announced once')
})

t.test('a delivery connects to the address it resolved, not to what DNS answers the second time', async (t) => {
  // The endpoint's name resolves to the receiver first and to a loopback address where nothing
  // listens afterwards: a deliverer that resolved again to connect would find nobody there.
  const dns = changingDns('127.0.0.1', '127.0.0.2')
  const { app, db } = await buildTestApp(t, env, { webhookResolver: dns.resolve })
  await app.ready()
  const { storiesUrl, site } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const hook = await receiver(t)
  const url = hook.url.replace('127.0.0.1', 'rebind.example.test')
  const created = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url, events: ['story.submitted'] } })
  t.equal(created.statusCode, 201)
  await submit(app, storiesUrl)
  const delivery = await until(() => hook.received[0])
  t.equal(delivery.headers.host, new URL(url).host, 'addressed by its name (Host; SNI and certificate checks for https)')
  t.same(dns.asked, ['rebind.example.test'], 'one DNS question per delivery: the address checked is the address used')
  t.equal((await until(async () => {
    const d = await db.webhookDelivery.findFirst()
    return d?.status === 'delivered' ? d : undefined
  })).attempts, 1)
})

t.test('the address checked is the one pinned: a rebinding answer is never asked for', async (t) => {
  const rebinding = changingDns('93.184.215.14', '127.0.0.1')
  const target = await pinTarget('https://rebind.example.test/hook', false, rebinding.resolve)
  t.match(target, { address: '93.184.215.14', family: 4 })
  t.equal(target.url.hostname, 'rebind.example.test', 'TLS still verifies the name')
  t.equal(rebinding.asked.length, 1, 'the loopback answer that would come next is never used')
  const inside = changingDns('169.254.169.254')
  await t.rejects(pinTarget('https://rebind.example.test/hook', false, inside.resolve), { code: 'webhook_url_refused' }, 'a private answer is refused, not connected to')
})
