// The public tally: approved stories only, Wilson interval, changes with decisions, ETag and 304.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { recountTopicRatings } from '../../../src/ratings/topic-ratings.js'
import { apiKey, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

t.test('the tally counts approved stories only and follows every decision', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const ratingsUrl = storiesUrl.replace(/stories$/, 'ratings')
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const tally = async () => (await app.inject({ url: ratingsUrl })).json()

  t.same(await tally(), { effective: 0, ineffective: 0, unrated: 0, total: 0, effectiveShare: null, ci95: null })

  const ids: string[] = []
  for (const verdict of ['effective', 'effective', 'effective', 'effective', 'effective', 'effective', 'effective', 'effective', 'ineffective', 'ineffective', null]) {
    ids.push((await submit(app, storiesUrl, { verdict })).id)
  }
  t.equal((await tally()).total, 0, 'pending stories do not count')
  for (const id of ids) await decideOn(app, moderator, id, { action: 'approve' })
  t.same(await tally(), { effective: 8, ineffective: 2, unrated: 1, total: 11, effectiveShare: 0.8, ci95: { lower: 0.4902, upper: 0.9433 } })

  await decideOn(app, moderator, ids[0]!, { action: 'remove', reason: 'identifying_information' })
  t.match(await tally(), { effective: 7, total: 10 }, 'a removal takes the story out of the count')

  const rejected = (await submit(app, storiesUrl, { verdict: 'ineffective' })).id
  await decideOn(app, moderator, rejected, { action: 'reject', reason: 'spam' })
  t.match(await tally(), { ineffective: 2, total: 10 }, 'a rejected story never counts')
})

t.test('the tally is cacheable: ETag, Cache-Control and 304', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const ratingsUrl = storiesUrl.replace(/stories$/, 'ratings')
  const first = await app.inject({ url: ratingsUrl })
  t.match(first.headers['cache-control'], /public, max-age=\d+/)
  const etag = String(first.headers.etag)
  t.ok(etag.length > 2)
  const again = await app.inject({ url: ratingsUrl, headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')

  const moderator = await apiKey(db, 'moderator', [site.slug])
  await decideOn(app, moderator, (await submit(app, storiesUrl)).id, { action: 'approve' })
  const changed = await app.inject({ url: ratingsUrl, headers: { 'if-none-match': etag } })
  t.equal(changed.statusCode, 200, 'a changed tally is sent again')
  t.not(changed.headers.etag, etag)
})

t.test('the counters stay equal to a recount after a concurrent mix of submissions, decisions and withdrawals', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site, topic } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const verdicts = ['effective', 'ineffective', null]
  const submitted = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(app, storiesUrl, { verdict: verdicts[i % 3] })))
  await Promise.all(submitted.map(async ({ id, manageToken }, i) => {
    await decideOn(app, moderator, id, { action: i % 4 === 0 ? 'reject' : 'approve', reason: 'spam' })
    if (i % 5 === 0) await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': manageToken } })
    if (i % 7 === 0) await decideOn(app, moderator, id, { action: 'remove', reason: 'duplicate' })
  }))
  const shown = (await app.inject({ url: storiesUrl.replace(/stories$/, 'ratings') })).json()
  const recount = await recountTopicRatings(db, topic.id)
  t.same({ effective: shown.effective, ineffective: shown.ineffective, unrated: shown.unrated }, recount)
  t.ok(shown.total > 0)
})

t.test('another instance shows a decision within a second', async (t) => {
  const { app, db, config } = await buildTestApp(t)
  const other = await buildTestApp(t, { DATABASE_URL: config.databaseUrl! })
  const { storiesUrl, site } = await siteWithTopic(db)
  const ratingsUrl = storiesUrl.replace(/stories$/, 'ratings')
  const moderator = await apiKey(db, 'moderator', [site.slug])
  t.equal((await other.app.inject({ url: ratingsUrl })).json().total, 0, 'the other instance has cached the empty tally')
  await decideOn(app, moderator, (await submit(app, storiesUrl)).id, { action: 'approve' })
  t.equal((await app.inject({ url: ratingsUrl })).json().total, 1, 'the deciding instance shows it at once')
  await new Promise((resolve) => setTimeout(resolve, 1100))
  t.equal((await other.app.inject({ url: ratingsUrl })).json().total, 1, 'the other within a second')
})
