// Reader ratings: one per visitor (a repeat replaces it), shown on public stories, the helpful order,
// counters that match a recount, and the manipulation view moderators get.
import t from 'tap'
import { wilsonInterval } from '../../../src/ratings/wilson.js'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

async function approvedStories (t: Parameters<typeof buildTestApp>[0], count: number) {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const { id } = await submit(app, storiesUrl, { title: `Story ${i + 1}`, body: `Session number ${i + 1} eased my back pain for a week or so.` })
    await decideOn(app, moderator, id, { action: 'approve' })
    ids.push(id)
  }
  const rate = (id: string, stars: unknown, ip = '203.0.113.1') =>
    app.inject({ method: 'POST', url: `/v1/stories/${id}/ratings`, payload: { stars }, remoteAddress: ip })
  return { app, db, site, storiesUrl, moderator, ids, rate }
}

t.test('one rating per visitor: a repeat replaces it, and the story shows the result', async (t) => {
  const { app, db, storiesUrl, ids: [id], rate } = await approvedStories(t, 1)
  const before = (await app.inject({ url: `/v1/stories/${id!}` })).json()
  t.same(before.readerRating, { average: null, count: 0 }, 'not rated yet')

  const first = await rate(id!, 4)
  t.equal(first.statusCode, 201)
  t.same(first.json(), { stars: 4, readerRating: { average: 4, count: 1 } })
  const again = await rate(id!, 5)
  t.equal(again.statusCode, 200, 'the same visitor replaces their rating')
  t.same(again.json().readerRating, { average: 5, count: 1 })
  t.equal((await rate(id!, 2, '198.51.100.7')).statusCode, 201, 'another visitor adds one')

  t.equal(await db.readerRating.count(), 2)
  t.same((await app.inject({ url: `/v1/stories/${id!}` })).json().readerRating, { average: 3.5, count: 2 })
  t.same((await app.inject({ url: storiesUrl })).json().items[0].readerRating, { average: 3.5, count: 2 }, 'list items carry it too')
  t.notMatch(JSON.stringify(await db.readerRating.findMany()), /203\.0\.113|198\.51\.100/, 'no IP is stored')
})

t.test('bad ratings and ratings of stories that are not public change nothing', async (t) => {
  const { app, db, storiesUrl, ids: [id], rate } = await approvedStories(t, 1)
  for (const stars of [0, 6, 4.5, '5', null]) {
    const res = await rate(id!, stars)
    t.equal(res.statusCode, 400, `stars ${JSON.stringify(stars)}`)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  }
  const pending = (await submit(app, storiesUrl)).id
  t.equal((await rate(pending, 5)).statusCode, 404, 'a pending story cannot be rated')
  t.equal((await rate('01890000-0000-7000-8000-000000000000', 5)).statusCode, 404)
  t.equal(await db.readerRating.count(), 0)
  t.same((await db.story.findUniqueOrThrow({ where: { id: id! } })).ratingCount, 0)
})

t.test('helpful order: forty 4-star ratings beat one 5-star, unrated last; newest order unchanged', async (t) => {
  const { app, storiesUrl, ids: [oneFive, fortyFours, unrated], rate } = await approvedStories(t, 3)
  await rate(oneFive!, 5)
  for (let i = 0; i < 40; i++) await rate(fortyFours!, 4, `10.0.${Math.floor(i / 200)}.${(i % 200) + 1}`)

  const helpful = (await app.inject({ url: `${storiesUrl}?sort=helpful` })).json().items.map((s: { id: string }) => s.id)
  t.same(helpful, [fortyFours, oneFive, unrated])
  const newest = (await app.inject({ url: storiesUrl })).json().items.map((s: { id: string }) => s.id)
  t.same(newest, [unrated, fortyFours, oneFive])

  const paged: string[] = []
  let url: string | undefined = `${storiesUrl}?sort=helpful&limit=1`
  while (url) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({ url })
    paged.push(...res.json().items.map((s: { id: string }) => s.id))
    url = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1]
  }
  t.same(paged, helpful, 'paging by cursor gives the same order')

  const helpfulCursor = (await app.inject({ url: `${storiesUrl}?sort=helpful&limit=1` })).json().nextCursor
  const mixed = await app.inject({ url: `${storiesUrl}?cursor=${helpfulCursor}` })
  t.equal(mixed.statusCode, 400, 'a cursor belongs to its sort order')
  t.equal(mixed.json().code, 'invalid_cursor')
})

t.test('counters and the helpful score match a recount after many changes', async (t) => {
  const { db, ids, rate } = await approvedStories(t, 3)
  for (let i = 0; i < 60; i++) await rate(ids[i % 3]!, (i * 7) % 5 + 1, `192.0.2.${(i % 17) + 1}`)
  const recount = await db.$queryRaw<Array<{ id: string, n: number, total: number }>>`
    SELECT story_id AS id, count(*)::int AS n, sum(stars)::int AS total FROM reader_ratings GROUP BY story_id`
  for (const { id, n, total } of recount) {
    const story = await db.story.findUniqueOrThrow({ where: { id } })
    t.equal(story.ratingCount, n)
    t.equal(story.ratingSum, total)
    t.ok(Math.abs(story.helpfulScore - wilsonInterval((total - n) / 4, n)!.lower) < 1e-9, 'the Wilson lower bound of (stars - 1) / 4')
  }
})

t.test('moderators see bursts of ratings from few networks', async (t) => {
  const { app, db, site, moderator, ids: [gamed, organic], rate } = await approvedStories(t, 2)
  for (let i = 1; i <= 12; i++) await rate(gamed!, 5, `203.0.113.${i}`) // twelve addresses, one /24
  for (let i = 1; i <= 5; i++) await rate(organic!, 3 + (i % 2), `10.${i}.0.1`)

  const all = (await app.inject({ url: '/v1/moderation/reader-ratings', headers: bearer(moderator) })).json()
  t.equal(all.windowHours, 24)
  t.match(all.items[0], { storyId: gamed, site: site.slug, readerRating: { average: 5, count: 12 }, window: { ratings: 12, networks: 1 } })
  t.same(all.items[0].signals, ['burst', 'few_networks'])
  t.match(all.items[1], { storyId: organic, window: { ratings: 5, networks: 5 }, signals: [] })

  const flagged = (await app.inject({ url: '/v1/moderation/reader-ratings?flagged=true', headers: bearer(moderator) })).json()
  t.same(flagged.items.map((i: { storyId: string }) => i.storyId), [gamed])

  const other = await siteWithTopic(db)
  const outsider = await apiKey(db, 'moderator', [other.site.slug])
  t.same((await app.inject({ url: '/v1/moderation/reader-ratings', headers: bearer(outsider) })).json().items, [], "another site's moderator sees none of it")
  t.equal((await app.inject({ url: `/v1/moderation/reader-ratings?site=${site.slug}`, headers: bearer(outsider) })).statusCode, 403)
  t.equal((await app.inject({ url: '/v1/moderation/reader-ratings' })).statusCode, 401)
})
