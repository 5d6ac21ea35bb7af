// Visitor reports: harm reports raise triage and send a story back to the queue; duplicates collapse.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

t.test('a harm report raises an approved story to high and puts it back in the queue', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve' })
  t.same((await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items, [])

  const report = (reason: string, ip: string) => app.inject({ method: 'POST', url: `/v1/stories/${id}/reports`, remoteAddress: ip, payload: { reason, details: 'names a real person' } })
  const res = await report('harm', '203.0.113.5')
  t.equal(res.statusCode, 202)
  t.same(res.json(), { status: 'received' })
  await report('harm', '203.0.113.5') // the same visitor again
  await report('spam', '203.0.113.6')

  const [item] = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items
  t.match(item, { id, status: 'approved', flagged: true, triage: { level: 'high' }, reports: { harm: 1, spam: 1, privacy: 0 } })
  t.equal((await app.inject({ url: `/v1/stories/${id}` })).statusCode, 200, 'it stays public until a moderator decides')
  t.equal(await db.report.count(), 2, 'duplicates from one visitor collapse')
  const stored = JSON.stringify(await db.report.findMany())
  t.notMatch(stored, /203\.0\.113/, 'no IP is stored')

  const kept = await decideOn(app, moderator, id, { action: 'approve', note: 'checked: no harm' })
  t.match(kept.json(), { status: 'approved', flagged: false })
  t.same((await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items, [], 'and leaves the queue')
  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(moderator) })).json().items
  t.match(history.map((e: { action: string }) => e.action), ['submitted', 'approve', 'reported', 'triage_raised', 'reported', 'approve'])
})

t.test('harm reports order the queue inside a level', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const flashback = { title: 'Flashbacks', body: 'I had a flashback to the crash during the session and shook for an hour.' }
  const older = (await submit(app, storiesUrl, flashback)).id
  const newer = (await submit(app, storiesUrl, flashback)).id
  for (const id of [older, newer]) await decideOn(app, moderator, id, { action: 'approve' })
  for (const ip of ['198.51.100.1', '198.51.100.2']) {
    await app.inject({ method: 'POST', url: `/v1/stories/${newer}/reports`, remoteAddress: ip, payload: { reason: 'harm' } })
  }
  await app.inject({ method: 'POST', url: `/v1/stories/${older}/reports`, remoteAddress: '198.51.100.3', payload: { reason: 'harm' } })
  const ids = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items.map((i: { id: string }) => i.id)
  t.same(ids, [newer, older], 'two harm reports come before one, though newer')
})

t.test('only public stories can be reported', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const { id } = await submit(app, storiesUrl)
  const res = await app.inject({ method: 'POST', url: `/v1/stories/${id}/reports`, payload: { reason: 'harm' } })
  t.equal(res.statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: `/v1/stories/${id}/reports`, payload: { reason: 'rude' } })).statusCode, 400)
  t.equal(await db.report.count(), 0)
})
