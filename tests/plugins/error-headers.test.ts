// Errors carry their own headers wherever they are raised, and only a real database outage is
// logged as one: a draining instance's 503 keeps Retry-After: 1 and Connection: close.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { capturedLogger } from '../helpers/logs.js'

const logged = (lines: string[], message: string): boolean => lines.some((l) => (JSON.parse(l) as { msg?: string }).msg === message)

t.test('a draining instance answers 503 with Retry-After: 1 and Connection: close, and logs no outage', async (t) => {
  const { lines, logger } = capturedLogger()
  const { app } = await buildTestApp(t, { LOG_LEVEL: 'trace' }, { logger })
  app.drain()
  const res = await app.inject({ url: '/v1/sites/demo/topics' })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(res.json().code, 'shutting_down')
  t.equal(res.headers['retry-after'], '1', 'come back in a second, to another instance')
  t.equal(res.headers.connection, 'close')
  t.notOk(logged(lines, 'database unavailable'), 'draining is not logged as a database outage')
  t.notOk(logged(lines, 'request failed'), 'nor as a failure')
})

t.test('a database outage answers 503 with Retry-After: 5 and is logged as one', async (t) => {
  const { lines, logger } = capturedLogger()
  // A port nothing listens on.
  const { app } = await buildTestApp(t, { LOG_LEVEL: 'trace', DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere' }, { logger })
  const res = await app.inject({ url: '/v1/sites/demo/topics' })
  t.equal(res.statusCode, 503)
  t.equal(res.json().code, 'database_unavailable')
  t.equal(res.headers['retry-after'], '5')
  t.ok(logged(lines, 'database unavailable'), 'logged as an outage')
  const ready = await app.inject({ url: '/ready' })
  t.equal(ready.json().code, 'not_ready')
  t.equal(ready.headers['retry-after'], '5', '/ready says when to ask again')
})

t.test('a missing key is 401 with WWW-Authenticate: Bearer', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/v1/moderation/queue' })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], 'Bearer')
})
