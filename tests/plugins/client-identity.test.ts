// Who the client is: the socket address, or X-Forwarded-For only from proxies named in TRUST_PROXY;
// an IPv4 address, or an IPv6 /64.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, decideOn, siteWithTopic, storyInput, submit } from '../helpers/factories.js'

const forwardedFrom = (client: string) => ({ 'x-forwarded-for': client })

t.test('X-Forwarded-For is ignored unless the proxy is trusted', async (t) => {
  const { app, db } = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '1' })
  const { storiesUrl } = await siteWithTopic(db)
  const post = (client: string, title: string) => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title }), headers: forwardedFrom(client) })
  t.equal((await post('198.51.100.1', 'First story here')).statusCode, 201)
  t.equal((await post('198.51.100.2', 'Second story here')).statusCode, 429, 'a client cannot dodge limits by claiming another address')
})

t.test('behind a trusted proxy, each forwarded client is counted on its own', async (t) => {
  const { app, db } = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '1', TRUST_PROXY: 'loopback' })
  const { storiesUrl } = await siteWithTopic(db)
  const post = (client: string, title: string) => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title }), headers: forwardedFrom(client) })
  t.equal((await post('198.51.100.1', 'First story here')).statusCode, 201)
  t.equal((await post('198.51.100.2', 'Second story here')).statusCode, 201)
  t.equal((await post('198.51.100.1', 'Third story here')).statusCode, 429)
})

t.test('an IPv6 /64 is one visitor: limits, one rating per visitor and duplicate detection', async (t) => {
  const { app, db } = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '2' })
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const post = (ip: string, title: string, body?: string) =>
    app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title, ...(body ? { body } : {}) }), remoteAddress: ip })
  // Two addresses a single host can pick from its own /64.
  t.equal((await post('2001:db8:1:2::1', 'First from the allocation')).statusCode, 201)
  const duplicate = await post('2001:db8:1:2:ffff:ffff:ffff:fffe', 'First from the allocation')
  t.equal(duplicate.statusCode, 409, 'the same story from another address of the /64 is a duplicate')
  t.equal(duplicate.json().code, 'duplicate_submission')
  t.equal((await post('2001:db8:1:2:abcd::9', 'Third, another address', 'A third and different story about the sessions helping my neck.')).statusCode, 429, 'and shares the limit')
  t.equal((await post('2001:db8:1:3::1', 'From the next /64')).statusCode, 201, 'the next /64 is someone else')
  t.equal((await post('::ffff:198.51.100.20', 'IPv4 visitor one')).statusCode, 201, 'IPv4-mapped addresses stay one visitor each')
  t.equal((await post('::ffff:198.51.100.21', 'IPv4 visitor two')).statusCode, 201)

  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve' })
  const rate = (ip: string, stars: number) => app.inject({ method: 'POST', url: `/v1/stories/${id}/ratings`, payload: { stars }, remoteAddress: ip })
  t.equal((await rate('2001:db8:5:6::1', 5)).statusCode, 201)
  const again = await rate('2001:db8:5:6::2', 5)
  t.equal(again.statusCode, 200, 'a second address of the /64 replaces the rating')
  t.same(again.json().readerRating, { average: 5, count: 1 }, 'one rating, not two')
})
