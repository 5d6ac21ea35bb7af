// GET /v1/me: a key sees its own name, role and sites (every site for admin), never the key; no key is 401.
import t from 'tap'
import { createApiKey } from '../../../src/keys/api-keys.js'
import { buildTestApp } from '../../helpers/app.js'
import { bearer, siteWithTopic } from '../../helpers/factories.js'

t.test('a key describes itself', async (t) => {
  const { app, db } = await buildTestApp(t)
  await siteWithTopic(db, 'beta')
  await siteWithTopic(db, 'alpha')
  await siteWithTopic(db, 'gamma')
  const moderator = await createApiKey(db, { name: 'Sam', role: 'moderator', sites: ['gamma', 'alpha'] })
  const me = await app.inject({ url: '/v1/me', headers: bearer(moderator.key) })
  t.equal(me.statusCode, 200)
  t.same(me.json(), { id: moderator.record.id, name: 'Sam', role: 'moderator', sites: ['alpha', 'gamma'], allSites: false })
  t.notMatch(me.body, moderator.key, 'the key itself is not in the answer')

  const admin = await createApiKey(db, { name: 'Ops', role: 'admin' })
  t.same((await app.inject({ url: '/v1/me', headers: bearer(admin.key) })).json(), { id: admin.record.id, name: 'Ops', role: 'admin', sites: ['alpha', 'beta', 'gamma'], allSites: true })

  const researcher = await createApiKey(db, { name: 'Rae', role: 'researcher', sites: ['beta'] })
  t.match((await app.inject({ url: '/v1/me', headers: bearer(researcher.key) })).json(), { role: 'researcher', sites: ['beta'] })

  const none = await app.inject({ url: '/v1/me' })
  t.equal(none.statusCode, 401)
  t.match(none.headers['content-type'], /application\/problem\+json/)
  await app.inject({ method: 'DELETE', url: `/v1/admin/api-keys/${moderator.record.id}`, headers: bearer(admin.key) })
  t.equal((await app.inject({ url: '/v1/me', headers: bearer(moderator.key) })).statusCode, 401, 'a revoked key is not described')
})
