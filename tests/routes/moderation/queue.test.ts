// The moderation queue: harm first, oldest first inside a level, only the key's sites, paged.
import t from 'tap'
import { principalTtlMs } from '../../../src/store/keys-service.js'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, siteWithTopic, submit } from '../../helpers/factories.js'

const critical = { title: 'I wanted to die', body: 'After the session I felt so hopeless that I wanted to die and thought about ending my life.' }
const high = { title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking for an hour.' }
const normal = { title: 'Relaxing', body: 'Gentle sessions, I nearly fell asleep, and my headaches are less frequent now.' }

t.test('critical, then high, then normal; oldest first inside a level', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const order = [normal, high, critical, normal, critical, high]
  const ids: string[] = []
  for (const story of order) ids.push((await submit(app, storiesUrl, story)).id)

  const res = await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })
  t.equal(res.statusCode, 200)
  const items = res.json().items as Array<{ id: string, triage: { level: string, categories: string[] } }>
  t.same(items.map((i) => i.id), [ids[2], ids[4], ids[1], ids[5], ids[0], ids[3]])
  t.same(items.map((i) => i.triage.level), ['critical', 'critical', 'high', 'high', 'normal', 'normal'])
  t.ok(items[0]!.triage.categories.includes('self_harm'))

  const pages: string[] = []
  let cursor: string | null = null
  do {
    const page: { items: Array<{ id: string }>, nextCursor: string | null } = (await app.inject({
      url: `/v1/moderation/queue?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      headers: bearer(moderator),
    })).json()
    pages.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
  } while (cursor)
  t.same(pages, items.map((i) => i.id), 'paging walks the same order without gaps or repeats')

  const onlyHigh = (await app.inject({ url: '/v1/moderation/queue?level=high', headers: bearer(moderator) })).json().items
  t.same(onlyHigh.map((i: { id: string }) => i.id), [ids[1], ids[5]])
  const selfHarm = (await app.inject({ url: '/v1/moderation/queue?category=self_harm', headers: bearer(moderator) })).json().items
  t.same(selfHarm.map((i: { id: string }) => i.id), [ids[2], ids[4]], 'category filters by a raised harm category')
  const trauma = (await app.inject({ url: '/v1/moderation/queue?category=trauma_response', headers: bearer(moderator) })).json().items
  t.ok(trauma.length >= 2 && trauma.every((i: { triage: { categories: string[] } }) => i.triage.categories.includes('trauma_response')))
  t.equal((await app.inject({ url: '/v1/moderation/queue?category=nonsense', headers: bearer(moderator) })).statusCode, 400)
})

t.test('a moderator sees only the sites their key covers', async (t) => {
  const { app, db } = await buildTestApp(t)
  const a = await siteWithTopic(db)
  const b = await siteWithTopic(db)
  const moderatorA = await apiKey(db, 'moderator', [a.site.slug])
  const mine = await submit(app, a.storiesUrl)
  const theirs = await submit(app, b.storiesUrl, critical)

  const queue = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderatorA) })).json().items
  t.same(queue.map((i: { id: string }) => i.id), [mine.id], 'site B is invisible to a site A moderator')
  const asked = await app.inject({ url: `/v1/moderation/queue?site=${b.site.slug}`, headers: bearer(moderatorA) })
  t.equal(asked.statusCode, 403)
  t.equal(asked.json().code, 'forbidden_site')
  const read = await app.inject({ url: `/v1/moderation/stories/${theirs.id}`, headers: bearer(moderatorA) })
  t.equal(read.statusCode, 403)
  for (const path of [`/v1/moderation/stories/${theirs.id}`, `/v1/moderation/stories/${theirs.id}/history`]) {
    const res = await app.inject({ url: path, headers: bearer(moderatorA) })
    t.equal(res.statusCode, 403, path)
    t.notMatch(res.body, b.site.slug, `a story id does not reveal the slug of its site (${path})`)
  }
  // Where the caller wrote the slug, only `instance` (the request's own URL) carries it back.
  const researcherA = await apiKey(db, 'researcher', [a.site.slug])
  for (const [path, key] of [[`/v1/moderation/queue?site=${b.site.slug}`, moderatorA], [`/v1/research/ratings?site=${b.site.slug}`, researcherA]] as const) {
    const res = await app.inject({ url: path, headers: bearer(key) })
    t.equal(res.statusCode, 403, path)
    const { instance, ...problem } = res.json()
    t.equal(instance, path)
    t.notMatch(JSON.stringify(problem), b.site.slug, `the problem does not name site B (${path})`)
  }
  const claim = await app.inject({ method: 'POST', url: `/v1/moderation/stories/${theirs.id}/claim`, headers: bearer(moderatorA) })
  t.equal(claim.statusCode, 403)
  t.notMatch(claim.body, b.site.slug, 'nor does a refused claim')

  const admin = await apiKey(db, 'admin')
  const all = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(admin) })).json().items
  t.equal(all.length, 2, 'an admin sees every site')
})

t.test('no key is 401, a researcher key is 403, a revoked key is 401', async (t) => {
  const { app, db } = await buildTestApp(t)
  const none = await app.inject({ url: '/v1/moderation/queue' })
  t.equal(none.statusCode, 401)
  t.equal(none.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(none.headers['www-authenticate'], 'Bearer')
  t.equal((await app.inject({ url: '/v1/moderation/queue', headers: bearer('cnd_made_up') })).statusCode, 401)
  const { site } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  const wrongRole = await app.inject({ url: '/v1/moderation/queue', headers: bearer(researcher) })
  t.equal(wrongRole.statusCode, 403)
  t.equal(wrongRole.json().code, 'forbidden_role')
  await db.apiKey.updateMany({ data: { revokedAt: new Date() } }) // as the CLI or another instance would
  await new Promise((resolve) => setTimeout(resolve, principalTtlMs))
  t.equal((await app.inject({ url: '/v1/moderation/queue', headers: bearer(researcher) })).statusCode, 401, 'a key revoked elsewhere is refused within the cache time')
})
