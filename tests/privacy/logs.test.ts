// Logs at trace level, through the app's own redaction options, never hold a client IP, an email, an
// API key, a manage token or story text: on success, on validation errors and on a database outage.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { capturedLogger } from '../helpers/logs.js'
import { apiKey, bearer, decideOn, siteWithTopic, storyInput } from '../helpers/factories.js'

const secrets = {
  ip: '203.0.113.77',
  forwardedIp: '198.51.100.23',
  email: 'dana.quietly@example.org',
  title: 'Zanzibar marmalade evening',
  body: 'Zanzibar-marmalade-7731: my sister found me after the fourth session and I told nobody else.',
}
const leaks = (log: string, extra: Record<string, string>): string[] =>
  Object.entries({ ...secrets, ...extra }).filter(([, v]) => log.includes(v)).map(([k]) => k)

t.test('a working app logs requests without personal data or secrets', async (t) => {
  const { lines, logger } = capturedLogger()
  const { app, db } = await buildTestApp(t, { LOG_LEVEL: 'trace' }, { logger })
  const { site, storiesUrl } = await siteWithTopic(db)
  const key = await apiKey(db, 'moderator', [site.slug])
  const from = { remoteAddress: secrets.ip, headers: { 'x-forwarded-for': secrets.forwardedIp } }

  const submitted = await app.inject({ method: 'POST', url: storiesUrl, ...from, payload: storyInput({ title: secrets.title, body: secrets.body, authorEmail: secrets.email, authorName: 'Dana' }) })
  t.equal(submitted.statusCode, 201)
  const { id, manageToken } = submitted.json<{ id: string, manageToken: string }>()
  const invalid = await app.inject({ method: 'POST', url: storiesUrl, ...from, payload: { ...storyInput({ body: secrets.body }), authorEmail: `not an email ${secrets.email}`, [secrets.title]: secrets.body } })
  t.equal(invalid.statusCode, 400, 'a validation error')
  const malformed = await app.inject({ method: 'POST', url: storiesUrl, ...from, headers: { ...from.headers, 'content-type': 'application/json' }, payload: `{"body": "${secrets.body}", "authorEmail": "${secrets.email}"` })
  t.equal(malformed.statusCode, 400, 'broken JSON')
  t.equal((await decideOn(app, key, id, { action: 'approve', note: 'fine' })).statusCode, 200)
  t.equal((await app.inject({ url: `/v1/moderation/stories/${id}`, headers: { ...bearer(key), 'x-forwarded-for': secrets.forwardedIp }, remoteAddress: secrets.ip })).statusCode, 200)
  t.equal((await app.inject({ url: '/v1/moderation/queue', headers: bearer(`${key}x`), remoteAddress: secrets.ip })).statusCode, 401, 'a wrong key')
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': `${manageToken}x` }, remoteAddress: secrets.ip })).statusCode, 403)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': manageToken }, remoteAddress: secrets.ip })).statusCode, 204)

  const log = lines.join('')
  t.ok(lines.length >= 16, `the requests were logged (${lines.length} lines)`)
  t.match(log, /"msg":"incoming request"/)
  t.same(leaks(log, { key, manageToken }), [], 'none of the IP, email, key, token or story text is in the log')
})

t.test('a database outage (503) logs the failure without personal data or secrets', async (t) => {
  const { lines, logger } = capturedLogger()
  // Port 1 on loopback: nothing listens, so every query fails to connect.
  const { app } = await buildTestApp(t, { LOG_LEVEL: 'trace', DATABASE_URL: 'postgresql://candor:pw-not-logged@127.0.0.1:1/candor' }, { logger })
  const url = '/v1/sites/demo/topics/craniosacral-massage/stories'
  const res = await app.inject({ method: 'POST', url, remoteAddress: secrets.ip, headers: { 'x-forwarded-for': secrets.forwardedIp, authorization: 'Bearer cnd_not_a_real_key_but_secret', 'x-manage-token': 'mt_outage_token_secret' }, payload: storyInput({ title: secrets.title, body: secrets.body, authorEmail: secrets.email }) })
  t.equal(res.statusCode, 503)
  t.equal(res.json().code, 'database_unavailable')
  const moderation = await app.inject({ url: '/v1/moderation/queue', remoteAddress: secrets.ip, headers: { authorization: 'Bearer cnd_not_a_real_key_but_secret' } })
  t.equal(moderation.statusCode, 503, 'authentication needs the database too')

  const log = lines.join('')
  t.match(log, /database unavailable/, 'the outage was logged')
  t.same(leaks(log, { key: 'cnd_not_a_real_key_but_secret', manageToken: 'mt_outage_token_secret', password: 'pw-not-logged' }), [], 'no personal data, secret or database password in the log')
})

t.test('a key or token sent in a query string never reaches the log', async (t) => {
  const { lines, logger } = capturedLogger()
  const { app, db } = await buildTestApp(t, { LOG_LEVEL: 'trace' }, { logger })
  const { site } = await siteWithTopic(db)
  const key = await apiKey(db, 'moderator', [site.slug])
  const token = 'mt_queryStringTokenThatMustNotBeLogged'
  const urls = [
    `/v1/moderation/queue?key=${key}`,
    `/v1/moderation/queue?limit=5&api_key=${encodeURIComponent(key)}`,
    `/v1/moderation/queue?access_token=${key.replace('_', '%5F')}&limit=5`,
    `/v1/moderation/queue?q=${key}`,
    `/v1/stories/00000000-0000-7000-8000-000000000000?manageToken=${token}`,
    `/v1/nowhere/${key}?token=${token}`,
  ]
  for (const url of urls) await app.inject({ url, remoteAddress: secrets.ip })
  const log = lines.join('')
  t.match(log, /"url":"\/v1\/moderation\/queue\?limit=5&api_key=\[redacted\]"/, 'the URL is logged with the value redacted')
  t.same(leaks(log, { key, keySecret: key.slice(4), token, tokenSecret: token.slice(3) }), [], 'no key or token, whole or in part')
})
