// What is stored and served: markup stays text end to end, and a dump of the database holds no
// usable API key or manage token (only hashes, which do not work as keys), stored Idempotency-Key
// answers included.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { tablesContaining } from '../helpers/database-search.js'
import { apiKey, bearer, decideOn, siteWithTopic, storyInput, submit } from '../helpers/factories.js'

t.test('markup in a story is data: submit → approve → public read returns it as a JSON string', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, storiesUrl } = await siteWithTopic(db)
  const key = await apiKey(db, 'moderator', [site.slug])
  const title = '<b>Bold</b> & "quoted"'
  const body = 'Before: <script>alert(1)</script> and <img src=x onerror=alert(1)> — the sessions helped me a lot.'
  const { id } = await submit(app, storiesUrl, { title, body })
  t.equal((await decideOn(app, key, id, { action: 'approve' })).statusCode, 200)

  const one = await app.inject({ url: `/v1/stories/${id}` })
  t.equal(one.statusCode, 200)
  t.equal(one.headers['content-type'], 'application/json; charset=utf-8', 'served as JSON, never text/html')
  t.equal(one.json().body, body, 'the body comes back exactly as written')
  t.equal(one.json().title, title)
  t.notMatch(one.body, /&lt;|&gt;|&amp;/, 'not HTML-escaped either: escaping is the renderer\'s job')
  t.match(one.body, '<script>alert(1)</script>', 'inside a JSON string')

  const list = await app.inject({ url: storiesUrl })
  t.equal(list.headers['content-type'], 'application/json; charset=utf-8')
  t.equal(list.json().items[0].body, body)
  const moderator = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(key) })
  t.equal(moderator.json().body, body)
  t.equal(moderator.json().publicBody, body)
})

t.test('a database dump holds no usable key or manage token', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, storiesUrl } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const created = await app.inject({ method: 'POST', url: '/v1/admin/api-keys', headers: bearer(admin), payload: { name: 'Sam', role: 'moderator', sites: [site.slug] } })
  t.equal(created.statusCode, 201)
  const moderatorKey = created.json<{ key: string }>().key
  const { manageToken } = await submit(app, storiesUrl)
  // A retry-safe submission: its 201, manage token included, is stored for replays.
  const idempotencyKey = 'b3c1e0d2-6f4a-4c1e-9d7b-2a5f8e9c0d11'
  const keyed = () => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title: 'Sent with a key' }), headers: { 'idempotency-key': idempotencyKey }, remoteAddress: '203.0.113.9' })
  const first = await keyed()
  t.equal(first.statusCode, 201)
  const keyedToken = first.json<{ manageToken: string }>().manageToken

  for (const [name, secret] of [['admin key', admin], ['moderator key', moderatorKey], ['manage token', manageToken], ['manage token of the keyed submission', keyedToken], ['Idempotency-Key', idempotencyKey]] as const) {
    t.same(await tablesContaining(db, secret), [], `no table holds the ${name}`)
    t.same(await tablesContaining(db, secret.slice(12)), [], 'nor its secret part (after the stored prefix)')
  }

  const hashes = await db.apiKey.findMany({ select: { hash: true } })
  t.ok(hashes.length >= 2)
  for (const { hash } of hashes) {
    const res = await app.inject({ url: '/v1/admin/sites', headers: bearer(hash) })
    t.equal(res.statusCode, 401, 'a stored hash is not a key')
    t.equal(res.json().code, 'unauthenticated')
  }
  const [story] = await db.story.findMany({ select: { id: true, manageTokenHash: true } })
  const withdraw = await app.inject({ method: 'DELETE', url: `/v1/stories/${story!.id}`, headers: { 'x-manage-token': story!.manageTokenHash } })
  t.equal(withdraw.statusCode, 403, 'the stored token hash does not withdraw the story')
  t.equal((await app.inject({ url: '/v1/admin/sites', headers: bearer(moderatorKey) })).statusCode, 403, 'while the real key still authenticates (as a moderator)')

  const replay = await keyed()
  t.equal(replay.headers['idempotent-replayed'], 'true')
  t.same(replay.json(), first.json(), 'the client replaying its request still gets its manage token')
  const { id } = first.json<{ id: string }>()
  const withdrawn = await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': replay.json<{ manageToken: string }>().manageToken } })
  t.equal(withdrawn.statusCode, 204, 'and it works')
})
