// Idempotency-Key: a retried submission, report or decision returns the first response and changes
// nothing; the same key with another body is 422.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic, storyInput, submit } from '../helpers/factories.js'

t.test('a retried submission is replayed, not stored twice', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const send = (payload: object, key = 'retry-key-0001') => app.inject({ method: 'POST', url: storiesUrl, payload, headers: { 'idempotency-key': key } })
  const first = await send(storyInput())
  const again = await send(storyInput())
  t.equal(first.statusCode, 201)
  t.equal(again.statusCode, 201)
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.notOk(first.headers['idempotent-replayed'])
  t.same(again.json(), first.json(), 'the same id and manage token')
  t.equal(again.headers.location, first.headers.location)
  t.equal(await db.story.count(), 1)

  const other = await send(storyInput({ title: 'A different story entirely' }))
  t.equal(other.statusCode, 422)
  t.equal(other.json().code, 'idempotency_key_reused')
  t.equal(await db.story.count(), 1)

  const invalid = await send({ title: 'x' }, 'bad-body-key-1')
  t.equal(invalid.statusCode, 400, 'an invalid body is refused before the key is used')
  t.equal((await send(storyInput({ title: 'Now valid under that key' }), 'bad-body-key-1')).statusCode, 201, 'so the key stays usable')
})

t.test('keys expire after 24 hours', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const send = (title: string) => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title }), headers: { 'idempotency-key': 'old-key-0001' } })
  await send('First use of the key')
  await db.idempotencyKey.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) } })
  const reused = await send('A day later, another story')
  t.equal(reused.statusCode, 201)
  t.notOk(reused.headers['idempotent-replayed'])
  t.equal(await db.story.count(), 2)
})

t.test('decisions and reports replay too; concurrent duplicates apply once', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  const decide = () => app.inject({
    method: 'POST',
    url: `/v1/moderation/stories/${id}/decision`,
    headers: { ...bearer(moderator), 'if-match': '"v1"', 'idempotency-key': 'approve-once-1' },
    payload: { action: 'approve' },
  })
  const results = await Promise.all([decide(), decide(), decide()])
  const statuses = results.map((r) => r.statusCode)
  t.ok(statuses.includes(200))
  t.ok(statuses.every((s) => s === 200 || s === 409), `only 200 or in-progress 409: ${statuses}`)
  const retry = await decide()
  t.equal(retry.statusCode, 200, 'a retry after the fact gets the first answer, not 412')
  t.equal(retry.headers['idempotent-replayed'], 'true')
  t.equal(await db.auditEvent.count({ where: { storyId: id, action: 'approve' } }), 1)

  const report = () => app.inject({ method: 'POST', url: `/v1/stories/${id}/reports`, payload: { reason: 'harm' }, headers: { 'idempotency-key': 'report-key-01' } })
  t.equal((await report()).statusCode, 202)
  t.equal((await report()).headers['idempotent-replayed'], 'true')
})
