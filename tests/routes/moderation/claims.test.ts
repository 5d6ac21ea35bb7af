// Claims: a lease that keeps two moderators off one story; 409 says who holds it; leases expire.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

t.test('one moderator claims; the other is told who and until when, and cannot decide', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const ana = await apiKey(db, 'moderator', [site.slug])
  const ben = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  const claim = (key: string) => app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(key) })

  const results = await Promise.all([claim(ana), claim(ben)])
  t.same(results.map((r) => r.statusCode).sort(), [200, 409], 'racing for one story: exactly one wins')
  const [won, lost] = results[0]!.statusCode === 200 ? [results[0]!, results[1]!] : [results[1]!, results[0]!]
  const winner = won === results[0] ? ana : ben
  const loser = winner === ana ? ben : ana
  t.match(lost.json(), { code: 'claim_held', claim: { keyId: won.json().keyId, expiresAt: won.json().expiresAt } })
  t.ok(Date.parse(won.json().expiresAt) - Date.now() > 14 * 60_000, 'a 15-minute lease by default')

  const blocked = await decideOn(app, loser, id, { action: 'approve' })
  t.equal(blocked.statusCode, 409)
  t.equal(blocked.json().code, 'claim_held')
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(loser) })).statusCode, 409, 'nor release it')

  const queue = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(loser) })).json().items
  t.equal(queue[0].claim.keyId, won.json().keyId, 'the queue shows the claim')

  t.equal((await claim(winner)).statusCode, 200, 'the holder renews')
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(winner) })).statusCode, 204)
  t.equal((await decideOn(app, loser, id, { action: 'approve' })).statusCode, 200, 'released: the other moderator decides')

  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(ana) })).json().items
  t.same(history.map((e: { action: string }) => e.action), ['submitted', 'claimed', 'released', 'approve'])
})

t.test('an expired lease frees itself', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const ana = await apiKey(db, 'moderator', [site.slug])
  const ben = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  t.equal((await app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(ana) })).statusCode, 200)
  // Let the lease run out, as time would.
  await db.story.update({ where: { id }, data: { claimExpiresAt: new Date(Date.now() - 1000) } })
  const read = (await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(ben) })).json()
  t.equal(read.claim, null, 'no one holds it any more')
  t.equal((await app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(ben) })).statusCode, 200)
})

t.test('a decision releases the claim', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const ana = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(ana) })
  t.equal((await decideOn(app, ana, id, { action: 'approve' })).json().claim, null)
})
