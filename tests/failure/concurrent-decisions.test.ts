// 50 moderators decide on one story at once with the same If-Match: exactly one wins, the rest are
// told the story changed (412) or conflicts (409), and the audit trail has exactly one decision.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic, submit } from '../helpers/factories.js'

t.test('50 simultaneous decisions on one story: one 200, the rest 409/412, one audit event', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, storiesUrl } = await siteWithTopic(db)
  const keys = await Promise.all(Array.from({ length: 5 }, async () => await apiKey(db, 'moderator', [site.slug])))
  const { id } = await submit(app, storiesUrl)
  const etag = String((await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(keys[0]!) })).headers.etag)

  const actions = [{ action: 'approve' }, { action: 'reject', reason: 'spam' }, { action: 'escalate' }]
  const responses = await Promise.all(Array.from({ length: 50 }, async (_, i) => await app.inject({
    method: 'POST',
    url: `/v1/moderation/stories/${id}/decision`,
    headers: { ...bearer(keys[i % keys.length]!), 'if-match': etag },
    payload: actions[i % actions.length],
  })))
  const statuses = responses.map((r) => r.statusCode)
  const tally = statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {})
  t.comment(`statuses: ${JSON.stringify(tally)}`)
  t.equal(statuses.filter((s) => s === 200).length, 1, 'exactly one decision wins')
  t.same(statuses.filter((s) => s !== 200 && s !== 409 && s !== 412), [], 'the others are 409 or 412')
  for (const r of responses.filter((r) => r.statusCode !== 200)) t.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8')

  const winner = responses.find((r) => r.statusCode === 200)!.json<{ status: string, version: number }>()
  const decisions = await db.auditEvent.findMany({ where: { storyId: id, action: { in: actions.map((a) => a.action) } } })
  t.equal(decisions.length, 1, 'exactly one decision in the audit trail')
  const story = await db.story.findUniqueOrThrow({ where: { id } })
  t.equal(story.version, 2, 'the story changed once')
  t.equal(story.status, winner.status, 'and is in the state the winner was told')
})
