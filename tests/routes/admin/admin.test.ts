// Admin: sites, topics and API keys through /v1/admin, and who may use it.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer } from '../../helpers/factories.js'

t.test('an admin sets up a site, a topic and a moderator key that works at once', async (t) => {
  const { app, db } = await buildTestApp(t)
  const admin = bearer(await apiKey(db, 'admin'))
  const site = await app.inject({ method: 'POST', url: '/v1/admin/sites', headers: admin, payload: { slug: 'healing', name: 'Healing', allowedOrigins: ['https://healing.example'] } })
  t.equal(site.statusCode, 201)
  t.match(site.json(), { slug: 'healing', settings: { smallCellK: 10 } })
  t.equal((await app.inject({ method: 'POST', url: '/v1/admin/sites', headers: admin, payload: { slug: 'healing', name: 'Again' } })).statusCode, 409)

  const topic = await app.inject({ method: 'POST', url: '/v1/admin/sites/healing/topics', headers: admin, payload: { slug: 'reiki', title: 'Reiki', question: 'Did reiki help?' } })
  t.equal(topic.statusCode, 201)
  t.same((await app.inject({ url: '/v1/sites/healing/topics' })).json().items, [{ slug: 'reiki', title: 'Reiki', question: 'Did reiki help?' }])
  const renamed = await app.inject({ method: 'PATCH', url: '/v1/admin/sites/healing/topics/reiki', headers: admin, payload: { title: 'Reiki healing' } })
  t.equal(renamed.json().title, 'Reiki healing')

  const patched = await app.inject({ method: 'PATCH', url: '/v1/admin/sites/healing', headers: admin, payload: { settings: { smallCellK: 5 } } })
  t.equal(patched.json().settings.smallCellK, 5)

  const created = await app.inject({ method: 'POST', url: '/v1/admin/api-keys', headers: admin, payload: { name: 'Sam', role: 'moderator', sites: ['healing'] } })
  t.equal(created.statusCode, 201)
  const { key, id } = created.json()
  t.match(key, /^cnd_/)
  const listed = (await app.inject({ url: '/v1/admin/api-keys', headers: admin })).json().items
  t.notOk(JSON.stringify(listed).includes(key), 'the key is never shown again')
  t.notOk(JSON.stringify(await db.apiKey.findMany()).includes(key), 'nor stored')
  t.equal((await app.inject({ url: '/v1/moderation/queue', headers: bearer(key) })).statusCode, 200)
  t.equal((await app.inject({ url: '/v1/admin/sites', headers: bearer(key) })).statusCode, 403, 'a moderator is not an admin')

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/admin/api-keys/${id}`, headers: admin })).statusCode, 204)
  t.equal((await app.inject({ url: '/v1/moderation/queue', headers: bearer(key) })).statusCode, 401, 'revoked at once')
})

t.test('key rules: admin keys cover all sites, others need known sites', async (t) => {
  const { app, db } = await buildTestApp(t)
  const admin = bearer(await apiKey(db, 'admin'))
  const post = (payload: object) => app.inject({ method: 'POST', url: '/v1/admin/api-keys', headers: admin, payload })
  t.equal((await post({ name: 'x', role: 'moderator' })).json().code, 'invalid_key_sites')
  t.equal((await post({ name: 'x', role: 'admin', sites: ['demo'] })).json().code, 'invalid_key_sites')
  t.equal((await post({ name: 'x', role: 'researcher', sites: ['nowhere'] })).statusCode, 404)
  t.equal((await post({ name: 'x', role: 'root' })).statusCode, 400)
  t.equal(await db.apiKey.count(), 1, 'only the admin key exists')
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/admin/api-keys/00000000-0000-4000-8000-000000000000', headers: admin })).statusCode, 404)
})

t.test('a settings change keeps every setting it does not name, nested ones too', async (t) => {
  const { app, db } = await buildTestApp(t)
  const admin = bearer(await apiKey(db, 'admin'))
  const patch = async (settings: object) => (await app.inject({ method: 'PATCH', url: '/v1/admin/sites/careful', headers: admin, payload: { settings } })).json().settings
  await app.inject({ method: 'POST', url: '/v1/admin/sites', headers: admin, payload: { slug: 'careful', name: 'Careful', settings: { smallCellK: 25, reviewTargetsMinutes: { critical: 15, high: 120 }, rateLimits: { perClient: 3, perSite: 50 } } } })

  const after = await patch({ supportMessage: 'We read every story.' })
  t.equal(after.smallCellK, 25, 'the research suppression threshold is not reset to its default')
  t.same(after.reviewTargetsMinutes, { critical: 15, high: 120, normal: 4320 })
  t.same(after.rateLimits, { perClient: 3, perSite: 50 })

  const targets = await patch({ reviewTargetsMinutes: { normal: 600 }, rateLimits: { perSite: 80 } })
  t.same(targets.reviewTargetsMinutes, { critical: 15, high: 120, normal: 600 }, 'one review target changes, the others stay')
  t.same(targets.rateLimits, { perClient: 3, perSite: 80 }, 'one limit changes, the other stays')
  t.equal(targets.supportMessage, 'We read every story.')
  t.equal(targets.smallCellK, 25)
})
