// Health, readiness (including a database that is down) and Prometheus metrics.
import t from 'tap'
import { expectedMigrations } from '../../../src/db/readiness.js'
import { buildTestApp } from '../../helpers/app.js'
import { siteWithTopic, submit } from '../../helpers/factories.js'

t.test('health and readiness', async (t) => {
  const { app } = await buildTestApp(t)
  t.same((await app.inject({ url: '/health' })).json(), { status: 'ok' })
  const ready = await app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 200)
  t.same(ready.json(), { status: 'ready', migrations: (await expectedMigrations()).length })
})

t.test('/ready is 503 when the database is unreachable, while /health stays 200', async (t) => {
  // A port nothing listens on.
  const { app } = await buildTestApp(t, { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere' })
  const ready = await app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.equal(ready.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(ready.json().code, 'not_ready')
  t.equal((await app.inject({ url: '/health' })).statusCode, 200)
  const read = await app.inject({ url: '/v1/sites/demo/topics' })
  t.equal(read.statusCode, 503, 'a request needing the database fails as a 503 problem')
  t.equal(read.json().code, 'database_unavailable')
  t.equal(read.headers['retry-after'], '5')
  t.notMatch(read.body, /127\.0\.0\.1|ECONNREFUSED|prisma/i, 'without internal details')
})

t.test('/ready is 503 when migrations are missing', async (t) => {
  const { app, db } = await buildTestApp(t)
  await db.$executeRawUnsafe('DELETE FROM _prisma_migrations')
  const ready = await app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 503)
  t.match(ready.json().detail, /not applied/)
})

t.test('/metrics exposes request and domain counters in Prometheus format', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  await submit(app, storiesUrl, { title: 'I wanted to die', body: 'I felt so hopeless afterwards that I wanted to die.' })
  const res = await app.inject({ url: '/metrics' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /text\/plain/)
  t.match(res.body, /candor_stories_submitted_total\{level="critical"\} 1/)
  t.match(res.body, /http_request_duration_seconds_count\{method="POST",route="\/v1\/sites\/:site\/topics\/:topic\/stories",status_code="201"\} 1/)
  t.match(res.body, /process_cpu_seconds_total/)
})
