// Health, readiness (including a database that is down) and Prometheus metrics (loopback or token only).
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

t.test('/metrics answers loopback, or anyone with METRICS_TOKEN, and no one else', async (t) => {
  const token = 'metrics-token-0123456789abcdef'
  const { app } = await buildTestApp(t, { METRICS_TOKEN: token })
  const scrape = (remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ url: '/metrics', remoteAddress, headers })
  t.equal((await scrape('127.0.0.1')).statusCode, 200, 'a scraper on this host')
  t.equal((await scrape('::1')).statusCode, 200)
  const outside = await scrape('203.0.113.50')
  t.equal(outside.statusCode, 403, 'another host without the token')
  t.equal(outside.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(outside.json().code, 'metrics_forbidden')
  t.notMatch(outside.body, /process_cpu|candor_/, 'and no metrics in the answer')
  t.equal((await scrape('203.0.113.50', { authorization: 'Bearer not-the-token-at-all-000000' })).statusCode, 403, 'a wrong token')
  t.equal((await scrape('203.0.113.50', { authorization: `Bearer ${token}` })).statusCode, 200, 'the token opens it')
  t.equal((await scrape('127.0.0.1', { 'x-forwarded-for': '203.0.113.50' })).statusCode, 403, 'a proxy on loopback forwarding an outsider is not loopback')
})

t.test('without METRICS_TOKEN, only loopback reads /metrics', async (t) => {
  const { app } = await buildTestApp(t)
  t.equal((await app.inject({ url: '/metrics', remoteAddress: '198.51.100.7', headers: { authorization: 'Bearer anything-at-all-0000000000' } })).statusCode, 403)
  t.equal((await app.inject({ url: '/metrics', remoteAddress: '::ffff:127.0.0.1' })).statusCode, 200, 'IPv4-mapped loopback is loopback')
})
