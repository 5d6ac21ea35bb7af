// CORS per site and security headers, as a browser on another origin would meet them.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, storyInput, submit } from '../helpers/factories.js'

t.test('reads from any origin; writes only from the site\'s allowed origins', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db) // allowedOrigins: https://example.org
  const read = await app.inject({ url: storiesUrl, headers: { origin: 'https://anywhere.test' } })
  t.equal(read.headers['access-control-allow-origin'], '*')
  t.match(String(read.headers['access-control-expose-headers']), /etag.*link.*retry-after.*ratelimit-policy/)

  const preflight = (origin: string, url = storiesUrl, method = 'POST') => app.inject({
    method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type,idempotency-key' },
  })
  const allowed = await preflight('https://example.org')
  t.equal(allowed.statusCode, 204)
  t.equal(allowed.headers['access-control-allow-origin'], 'https://example.org')
  t.match(String(allowed.headers['access-control-allow-headers']), /idempotency-key/)
  t.notOk((await preflight('https://evil.test')).headers['access-control-allow-origin'], 'a foreign origin gets no CORS grant')

  const forged = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput(), headers: { origin: 'https://evil.test' } })
  t.equal(forged.statusCode, 403)
  t.equal(forged.json().code, 'origin_not_allowed')
  t.equal(await db.story.count(), 0, 'and nothing is stored')
  const fromSite = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput(), headers: { origin: 'https://example.org' } })
  t.equal(fromSite.statusCode, 201)
  t.equal(fromSite.headers['access-control-allow-origin'], 'https://example.org')
  t.equal((await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title: 'From a server' }) })).statusCode, 201, 'server-to-server calls carry no Origin')

  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve' })
  const reportPreflight = await preflight('https://example.org', `/v1/stories/${id}/reports`)
  t.equal(reportPreflight.headers['access-control-allow-origin'], 'https://example.org', 'reports: the story\'s site decides')
  const comment = await app.inject({ method: 'POST', url: `/v1/stories/${id}/comments`, payload: { body: 'Same here.', consent: { publish: true } }, headers: { origin: 'https://example.org' } })
  t.equal(comment.statusCode, 201, 'comments from the site\'s page')
  const commentId = comment.json().id
  t.equal((await preflight('https://example.org', `/v1/comments/${commentId}/reports`)).headers['access-control-allow-origin'], 'https://example.org', 'comment paths: the site of the comment decides')
  t.equal((await preflight('https://example.org', `/v1/comments/${commentId}`, 'DELETE')).headers['access-control-allow-origin'], 'https://example.org')
  const forgedRating = await app.inject({ method: 'POST', url: `/v1/stories/${id}/ratings`, payload: { stars: 5 }, headers: { origin: 'https://evil.test' } })
  t.equal(forgedRating.statusCode, 403, 'a rating from a foreign page is refused')
  t.equal(await db.readerRating.count(), 0)
  const queue = await app.inject({ url: '/v1/moderation/queue', headers: { ...bearer(moderator), origin: 'https://example.org' } })
  t.notOk(queue.headers['access-control-allow-origin'], 'moderation is not open to browsers on other origins')
})

t.test('security headers on API answers', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/health' })
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.match(String(res.headers['content-security-policy']), /default-src 'none'/)
  t.match(String(res.headers['strict-transport-security']), /max-age=/)
  t.equal(res.headers['x-frame-options'], 'SAMEORIGIN')
  const widget = await app.inject({ url: '/embed/v1/stories.js' })
  t.equal(widget.headers['cross-origin-resource-policy'], 'cross-origin', 'the widget loads on any site')
})
