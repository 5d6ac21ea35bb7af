// Research ratings: Wilson interval, suppression (primary and complementary), admin view, empty
// periods, denominators, filters, scope, CSV, and that only approved stories ever count.
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../helpers/factories.js'
import { Prisma } from '../../src/generated/prisma/client.js'
import { foldResearchCounts } from '../../src/research/fold.js'
import { updateSite } from '../../src/sites/sites.js'
import { insertStories } from '../helpers/research-stories.js'

const url = (q: string) => `/v1/research/ratings?${q}`

t.test('the interval, suppression with its complementary cell, and the admin view', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  const admin = await apiKey(db, 'admin')
  await insertStories(db, site, topic, 8, { verdict: 'effective' })
  await insertStories(db, site, topic, 2, { verdict: 'ineffective' })

  const raw = (await app.inject({ url: url(`site=${site.slug}`), headers: bearer(admin) })).json()
  t.match(raw.rows[0], { n: 10, effective: 8, ineffective: 2, unrated: 0, effectiveShare: 0.8, ci: { method: 'wilson', level: 0.95, lower: 0.4902, upper: 0.9433 }, suppressed: false })
  t.match(raw.suppression, { applied: false, appliedTo: null, rules: [], cells: 0 })

  await updateSite(db, site.slug, { settings: { smallCellK: 3 } })
  const seen = (await app.inject({ url: url(`site=${site.slug}`), headers: bearer(researcher) })).json()
  t.match(seen.suppression, { applied: true, k: 3, rules: ['primary', 'complementary'], appliedTo: 'researcher' })
  t.match(seen.rows[0], { n: 10, ineffective: null, effective: null, effectiveShare: null, ci: { lower: null, upper: null }, suppressed: true },
    '2 < k is withheld, and so is effective, which n − 2 would give away')
  t.equal(seen.denominators.ineffective.approved, null)
  t.equal(seen.denominators.effective.approved, null, 'the column total would give the row cell away too')

  await updateSite(db, site.slug, { settings: { smallCellK: 10 } })
  await insertStories(db, site, topic, 12, { verdict: 'effective', createdAt: '2024-03-02T00:00:00Z' })
  await insertStories(db, site, topic, 15, { verdict: 'ineffective', createdAt: '2024-03-03T00:00:00Z' })
  const monthly = (await app.inject({ url: url(`site=${site.slug}&interval=month&from=2024-01-01&to=2024-04-30`), headers: bearer(researcher) })).json()
  t.same(monthly.rows.map((r: { periodStart: string }) => r.periodStart), ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'])
  t.match(monthly.rows[0], { n: 10, effective: null, ineffective: null, suppressed: true })
  t.match(monthly.rows[1], { periodEnd: '2024-02-29', n: 0, effective: 0, ineffective: 0, unrated: 0, effectiveShare: null, suppressed: false }, 'empty periods are zeros')
  t.match(monthly.rows[2], { n: 27, effective: 12, ineffective: 15, effectiveShare: 0.4444, suppressed: false })
  t.ok(monthly.suppression.cells >= 4)
  const unsuppressed = (await app.inject({ url: url(`site=${site.slug}&interval=month&from=2024-01-01&to=2024-04-30`), headers: bearer(admin) })).json()
  t.match(unsuppressed.rows[0], { effective: 8, ineffective: 2 })
})

t.test('denominators: only approved stories count in rows; every status and harm is in the denominators', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic, storiesUrl } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const moderator = await apiKey(db, 'moderator', [site.slug])
  await insertStories(db, site, topic, 20, { verdict: 'effective' })
  await insertStories(db, site, topic, 11, { verdict: 'effective', status: 'pending', categories: ['abuse', 'trauma_response'] })
  await insertStories(db, site, topic, 12, { verdict: 'effective', status: 'rejected', categories: ['self_harm'] })
  await insertStories(db, site, topic, 13, { verdict: 'effective', status: 'withdrawn' })
  await insertStories(db, site, topic, 14, { verdict: 'effective', status: 'removed' })
  // And through the API: pending, then rejected, then an approved one withdrawn by its author.
  const pending = await submit(app, storiesUrl, { verdict: 'ineffective' })
  const rejected = await submit(app, storiesUrl, { verdict: 'ineffective' })
  await decideOn(app, moderator, rejected.id, { action: 'reject', reason: 'spam' })
  const withdrawn = await submit(app, storiesUrl, { verdict: 'ineffective' })
  await decideOn(app, moderator, withdrawn.id, { action: 'approve' })
  await app.inject({ method: 'DELETE', url: `/v1/stories/${withdrawn.id}`, headers: { 'x-manage-token': withdrawn.manageToken } })
  void pending

  const body = (await app.inject({ url: url(`site=${site.slug}&topic=${topic.slug}`), headers: bearer(admin) })).json()
  t.match(body.rows[0], { n: 20, effective: 20, ineffective: 0 }, 'pending, rejected, removed and withdrawn never count')
  t.same(body.denominators.effective, {
    submitted: 70, pending: 11, approved: 20, rejected: 12, removed: 14, withdrawn: 13,
    harm: { any: 23, self_harm: 12, abuse: 11, trauma_response: 11, physical_harm: 0 },
  })
  t.match(body.denominators.ineffective, { submitted: 3, pending: 1, approved: 0, rejected: 1, withdrawn: 1 })
  t.match(body.filters, { sites: [site.slug], topics: [topic.slug], interval: 'none', dateBasis: 'submitted' })
  t.equal(body.schemaVersion, '1.0.0')
  t.ok(Date.parse(body.generatedAt))
})

t.test('filters, scope and errors', async (t) => {
  const { app, db } = await buildTestApp(t)
  const a = await siteWithTopic(db)
  const b = await siteWithTopic(db)
  const other = await db.topic.create({ data: { siteId: a.site.id, slug: 'reiki', title: 'Reiki', question: '?' } })
  const researcher = await apiKey(db, 'researcher', [a.site.slug])
  const moderator = await apiKey(db, 'moderator', [a.site.slug])
  await insertStories(db, a.site, a.topic, 10, { createdAt: '2024-05-10T10:00:00Z' })
  await insertStories(db, a.site, other, 10, { createdAt: '2024-06-10T10:00:00Z' })
  await insertStories(db, b.site, b.topic, 30)
  const get = async (q: string, key = researcher) => await app.inject({ url: url(q), headers: bearer(key) })

  t.equal((await get('')).json().rows[0].n, 20, 'without site: every covered site, not the others')
  t.equal((await get(`topic=${a.topic.slug}&topic=reiki`)).json().rows[0].n, 20, 'topic repeats')
  t.equal((await get('topic=reiki')).json().rows[0].n, 10)
  t.equal((await get('from=2024-06-01&to=2024-06-30')).json().rows[0].n, 10, 'from/to are inclusive submission days')
  t.equal((await get('from=2024-05-10&to=2024-05-10')).json().rows[0].n, 10)
  const weeks = (await get('interval=week&from=2024-05-08&to=2024-05-20')).json().rows
  t.same(weeks.map((r: { periodStart: string }) => r.periodStart), ['2024-05-06', '2024-05-13', '2024-05-20'], 'ISO weeks start on Monday')
  t.equal((await get(`site=${b.site.slug}`)).statusCode, 403)
  t.equal((await get('')).statusCode, 200)
  t.equal((await get('', moderator)).statusCode, 403, 'moderators are not researchers')
  t.equal((await app.inject({ url: url('') })).statusCode, 401)
  t.equal((await get('topic=nope')).statusCode, 404)
  const tooMany = await get('interval=day&from=2020-01-01&to=2024-01-01')
  t.equal(tooMany.statusCode, 400)
  t.match(tooMany.json(), { code: 'too_many_periods' })
  t.equal((await get('from=2024-02-01&to=2024-01-01')).statusCode, 400)
  t.equal((await get('interval=hour')).statusCode, 400)
})

t.test('format=csv gives the same rows with a header line', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  await insertStories(db, site, topic, 12, { verdict: 'effective', createdAt: '2024-01-03T00:00:00Z' })
  await insertStories(db, site, topic, 3, { verdict: 'ineffective', createdAt: '2024-02-03T00:00:00Z' })
  const q = `site=${site.slug}&interval=month&from=2024-01-01&to=2024-03-31`
  const json = (await app.inject({ url: url(q), headers: bearer(researcher) })).json()
  const res = await app.inject({ url: url(`${q}&format=csv`), headers: bearer(researcher) })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/csv/)
  t.match(res.headers['content-disposition'], /^attachment; filename="candor-ratings-.+\.csv"$/)
  const records = parse(res.body, { columns: true }) as Record<string, string>[]
  t.equal(records.length, json.rows.length)
  t.same(Object.keys(records[0]!), ['periodStart', 'periodEnd', 'n', 'effective', 'ineffective', 'unrated', 'effectiveShare', 'ciMethod', 'ciLevel', 'ciLower', 'ciUpper', 'suppressed'])
  t.match(records[0], { periodStart: '2024-01-01', n: '12', effective: '12', ineffective: '0', effectiveShare: '1', ciMethod: 'wilson', suppressed: 'false' })
  t.match(records[1], { n: '', ineffective: '', suppressed: 'true' }, 'withheld cells are empty')
})

t.test('the dictionary describes every column of both resources', async (t) => {
  const { app, db } = await buildTestApp(t)
  const researcher = await apiKey(db, 'researcher', [(await siteWithTopic(db)).site.slug])
  const dict = (await app.inject({ url: '/v1/research/dictionary', headers: bearer(researcher) })).json()
  t.same(dict.resources.map((r: { name: string }) => r.name), ['ratings', 'stories'])
  for (const resource of dict.resources) {
    for (const field of resource.schema.fields) t.ok(field.name && field.type && field.description, `${resource.name}.${field.name} is described`)
  }
  t.same(dict.resources[1].schema.fields.find((f: { name: string }) => f.name === 'triageLevel').constraints.enum, ['critical', 'high', 'normal'])
})

t.test('the daily counters equal a recount from the stories table after every kind of change', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const ids = []
  for (let i = 0; i < 12; i++) {
    ids.push(await submit(app, storiesUrl, i % 3 === 0 ? { title: 'Flashbacks', body: `I had flashbacks after session ${i} and shook for hours.` } : { verdict: i % 2 ? 'ineffective' : null }))
  }
  for (const [i, { id, manageToken }] of ids.entries()) {
    if (i % 2 === 0) await decideOn(app, moderator, id, { action: 'approve' })
    if (i % 4 === 0) await app.inject({ method: 'POST', url: `/v1/stories/${id}/reports`, payload: { reason: 'harm' } })
    if (i % 5 === 0) await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': manageToken } })
  }
  const recount = await db.$queryRaw<Array<{ key: string, n: number }>>`
    SELECT concat_ws('|', status, COALESCE(verdict::text, 'unrated'), triage_level, research_categories(triage_categories)) AS key, count(*)::int AS n
    FROM stories GROUP BY 1 ORDER BY 1`
  const counters = (table: Prisma.Sql) => db.$queryRaw<Array<{ key: string, n: number }>>`
    SELECT concat_ws('|', status, verdict, triage_level, categories) AS key, sum(count)::int AS n
    FROM ${table} GROUP BY 1 HAVING sum(count) <> 0 ORDER BY 1`
  t.same(await counters(Prisma.sql`research_counts`), recount, 'counts and unfolded changes together match')
  t.ok(await foldResearchCounts(db) > 0, 'the fold moves the changes')
  t.same(await counters(Prisma.sql`research_daily_counts`), recount, 'and afterwards the folded counts alone match')
  t.equal(await db.researchCountDelta.count(), 0)
  t.same(await counters(Prisma.sql`research_counts`), recount)
})
