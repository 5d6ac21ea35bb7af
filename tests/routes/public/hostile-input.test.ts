// Bad input gets a clear problem+json and changes nothing: wrong types, unknown fields, bad JSON,
// wrong content type, oversized bodies, unknown routes.
import net from 'node:net'
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, siteWithTopic, storyInput } from '../../helpers/factories.js'

t.test('every kind of bad submission is a 4xx problem and stores nothing', async (t) => {
  const { app, db } = await buildTestApp(t, { BODY_LIMIT_BYTES: '16384' })
  const { storiesUrl } = await siteWithTopic(db)
  const cases: Array<{ name: string, status: number, code: string, payload: string, type?: string, pointer?: string }> = [
    { name: 'missing fields', status: 400, code: 'validation_failed', payload: JSON.stringify({ title: 'Only a title' }), pointer: '/body/body' },
    { name: 'wrong type', status: 400, code: 'validation_failed', payload: JSON.stringify(storyInput({ verdict: 1 })), pointer: '/body/verdict' },
    { name: 'number as string is not coerced', status: 400, code: 'validation_failed', payload: JSON.stringify(storyInput({ title: 12345 })), pointer: '/body/title' },
    { name: 'unknown field', status: 400, code: 'validation_failed', payload: JSON.stringify(storyInput({ isAdmin: true })), pointer: '/body/isAdmin' },
    { name: 'no consent to publish', status: 400, code: 'validation_failed', payload: JSON.stringify(storyInput({ consent: { publish: false } })), pointer: '/body/consent/publish' },
    { name: 'bad email', status: 400, code: 'validation_failed', payload: JSON.stringify(storyInput({ authorEmail: 'not an email' })), pointer: '/body/authorEmail' },
    { name: 'too long', status: 400, code: 'validation_failed', payload: JSON.stringify(storyInput({ title: 'x'.repeat(201) })), pointer: '/body/title' },
    { name: 'broken JSON', status: 400, code: 'malformed_body', payload: '{"title": "unterminated' },
    { name: 'empty body', status: 400, code: 'malformed_body', payload: '' },
    { name: 'form encoded', status: 415, code: 'unsupported_media_type', payload: 'title=x', type: 'application/x-www-form-urlencoded' },
    { name: 'plain text', status: 415, code: 'unsupported_media_type', payload: 'hello', type: 'text/plain' },
    { name: 'oversized', status: 413, code: 'payload_too_large', payload: JSON.stringify(storyInput({ body: 'a'.repeat(20_000) })) },
  ]
  for (const c of cases) {
    const res = await app.inject({ method: 'POST', url: storiesUrl, payload: c.payload, headers: { 'content-type': c.type ?? 'application/json' } })
    t.equal(res.statusCode, c.status, `${c.name}: status`)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', `${c.name}: problem+json`)
    const problem = res.json()
    t.match(problem, { type: `urn:candor:problem:${c.code}`, status: c.status, code: c.code, title: String, detail: String }, c.name)
    if (c.pointer) t.ok(problem.errors.some((e: { pointer: string }) => e.pointer === c.pointer), `${c.name}: names ${c.pointer}`)
  }
  t.equal(await db.story.count(), 0, 'nothing was stored')
})

t.test('bad path and query parameters, unknown routes', async (t) => {
  const { app } = await buildTestApp(t)
  const badId = await app.inject({ url: '/v1/stories/not-a-uuid' })
  t.equal(badId.statusCode, 400)
  t.equal(badId.json().errors[0].pointer, '/params/id')
  const badLimit = await app.inject({ url: '/v1/sites/demo/topics/x/stories?limit=1000' })
  t.equal(badLimit.statusCode, 400)
  t.equal(badLimit.json().errors[0].pointer, '/querystring/limit')
  const badSlug = await app.inject({ url: '/v1/sites/DROP%20TABLE/topics' })
  t.equal(badSlug.statusCode, 400)
  const nowhere = await app.inject({ url: '/v2/anything' })
  t.equal(nowhere.statusCode, 404)
  t.equal(nowhere.json().code, 'route_not_found')
})

t.test('text is stored as given, as data: NFC, no control characters, markup kept as text', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const body = 'Cafe\u0301 visit <script>alert(1)</script> was calm\u0000 and I felt better afterwards.'
  const res = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ body }) })
  t.equal(res.statusCode, 201)
  const stored = await db.story.findUniqueOrThrow({ where: { id: res.json().id } })
  t.equal(stored.body, 'Café visit <script>alert(1)</script> was calm and I felt better afterwards.')
})

t.test('NUL bytes and control characters never reach the database, in any field', async (t) => {
  const { app, db } = await buildTestApp(t)
  const admin = await apiKey(db, 'admin')
  const res = await app.inject({ method: 'POST', url: '/v1/admin/sites', headers: bearer(admin), payload: { slug: 'nul-site', name: 'nul\u0000byte\u0007 site' } })
  t.equal(res.statusCode, 201)
  t.equal(res.json().name, 'nulbyte site')
  const poisoned = await app.inject({ method: 'POST', url: '/v1/admin/sites', headers: { ...bearer(admin), 'content-type': 'application/json' }, payload: '{"slug":"proto","name":"x","__proto__":{"admin":true}}' })
  t.equal(poisoned.statusCode, 400, 'prototype poisoning is refused')
})

t.test("what Node's HTTP parser refuses still answers problem+json, over a real socket", async (t) => {
  const { app } = await buildTestApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  /** Sends raw bytes and reads the whole answer. */
  const raw = async (request: string): Promise<string> => await new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request))
    let data = ''
    socket.on('data', (chunk) => { data += chunk.toString() })
    socket.on('close', () => resolve(data))
    socket.on('error', reject)
  })
  const cases: Array<[string, string, number, string]> = [
    ['headers too large', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ['a malformed request line', 'GET /health HTTP/9.9 nonsense\r\n\r\n', 400, 'malformed_request'],
    ['a bad header', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', 400, 'malformed_request'],
  ]
  for (const [name, request, status, code] of cases) {
    const answer = await raw(request)
    t.match(answer, new RegExp(`^HTTP/1\\.1 ${status} `), `${name}: ${status}`)
    t.match(answer, /content-type: application\/problem\+json/i, `${name}: problem+json`)
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string, status: number }
    t.match(body, { code, status }, `${name}: ${code}`)
  }
})
