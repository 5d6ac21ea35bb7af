// Rate limits: per client and per site on public writes (submissions, comments and ratings sharing the
// site's total), IETF headers, 429 problems, and counters shared through Redis by two real listening
// instances; what is limited is what the contract says.
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import t from 'tap'
import { loadContract } from '../../src/contract/contract.js'
import { unlimitedPaths } from '../../src/plugins/rate-limit.js'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, storyInput, submit } from '../helpers/factories.js'

const limited = (extra: Record<string, string> = {}) => ({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '3', ...extra })
let n = 0
// Mostly random words, so that no two are near-duplicates of each other (one random token in a
// shared sentence was, now and then, by MinHash's estimate).
const distinctStory = () => storyInput({ body: `Story ${++n}: ${randomBytes(24).toString('hex').match(/.{6}/g)?.join(' ')} and it helped.` })

t.test('a client gets 3 submissions a minute; the 4th is a 429 problem with Retry-After', async (t) => {
  const { app, db } = await buildTestApp(t, limited())
  const { storiesUrl } = await siteWithTopic(db)
  const post = (ip: string) => app.inject({ method: 'POST', url: storiesUrl, payload: distinctStory(), remoteAddress: ip })
  for (let i = 0; i < 3; i++) {
    const ok = await post('203.0.113.10')
    t.equal(ok.statusCode, 201)
    t.equal(ok.headers['ratelimit-policy'], '3;w=60')
    t.equal(ok.headers['ratelimit-remaining'], String(2 - i))
  }
  const refused = await post('203.0.113.10')
  t.equal(refused.statusCode, 429)
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal(refused.json().code, 'rate_limited')
  t.ok(Number(refused.headers['retry-after']) > 0)
  t.equal((await post('203.0.113.11')).statusCode, 201, 'another client is not affected')
  t.equal(await db.story.count(), 4, 'the refused submission stored nothing')
  t.equal((await app.inject({ url: storiesUrl, remoteAddress: '203.0.113.10' })).statusCode, 200, 'reads count separately')
})

t.test('a site can set its own limits, including a total for all visitors', async (t) => {
  const { app, db } = await buildTestApp(t, limited())
  const { storiesUrl, site } = await siteWithTopic(db)
  await db.site.update({ where: { id: site.id }, data: { settings: { rateLimits: { perClient: 1, perSite: 2 } } } })
  const post = (ip: string) => app.inject({ method: 'POST', url: storiesUrl, payload: distinctStory(), remoteAddress: ip })
  t.equal((await post('192.0.2.1')).statusCode, 201)
  t.equal((await post('192.0.2.1')).statusCode, 429, 'per client: 1')
  t.equal((await post('192.0.2.2')).statusCode, 201)
  t.equal((await post('192.0.2.3')).statusCode, 429, 'per site: 2 in total')
})

t.test('reader ratings and comments are public writes, each limited per client like submissions', async (t) => {
  const { app, db } = await buildTestApp(t, limited())
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve' })
  const rate = (stars: number) => app.inject({ method: 'POST', url: `/v1/stories/${id}/ratings`, payload: { stars }, remoteAddress: '203.0.113.77' })
  t.same([(await rate(3)).statusCode, (await rate(4)).statusCode, (await rate(5)).statusCode], [201, 200, 200])
  const refused = await rate(1)
  t.equal(refused.statusCode, 429)
  t.equal(refused.json().code, 'rate_limited')
  t.same((await db.readerRating.findMany()).map((r) => r.stars), [5], 'the refused rating changed nothing')
  const comment = (n: number) => app.inject({ method: 'POST', url: `/v1/stories/${id}/comments`, payload: { body: `Same here, ${n} times over.`, consent: { publish: true } }, remoteAddress: '203.0.113.77' })
  const comments = [(await comment(1)).statusCode, (await comment(2)).statusCode, (await comment(3)).statusCode, (await comment(4)).statusCode]
  t.same(comments, [201, 201, 201, 429], 'comments have a budget of their own')
  t.equal(await db.story.count({ where: { parentId: id } }), 3)
})

t.test('comments and reader ratings count towards the site total as submissions do', async (t) => {
  const { app, db } = await buildTestApp(t, limited())
  const { storiesUrl, site } = await siteWithTopic(db)
  await db.site.update({ where: { id: site.id }, data: { settings: { rateLimits: { perSite: 3 } } } })
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve' })
  const comment = (ip: string) => app.inject({ method: 'POST', url: `/v1/stories/${id}/comments`, payload: { body: `A comment from ${ip}, which helped.`, consent: { publish: true } }, remoteAddress: ip })
  const rate = (ip: string) => app.inject({ method: 'POST', url: `/v1/stories/${id}/ratings`, payload: { stars: 4 }, remoteAddress: ip })
  const story = (ip: string) => app.inject({ method: 'POST', url: storiesUrl, payload: distinctStory(), remoteAddress: ip })
  // The story above is 1 of the site's 3 for this minute.
  t.equal((await comment('192.0.2.31')).statusCode, 201)
  t.equal((await rate('192.0.2.32')).statusCode, 201)
  const overComment = await comment('192.0.2.33')
  t.equal(overComment.statusCode, 429, 'every visitor is new, but the site has had its 3')
  t.equal(overComment.json().code, 'rate_limited')
  t.equal((await rate('192.0.2.34')).statusCode, 429)
  t.equal((await story('192.0.2.35')).statusCode, 429, 'and submissions share that total')
  t.equal(await db.story.count({ where: { parentId: id } }), 1)
  t.equal(await db.readerRating.count(), 1)
})

t.test('with Redis, two instances count together', async (t) => {
  const databaseUrl = await freshDatabase(t)
  // A fresh hash key per run keeps this run's counters apart from any other's in the shared Redis.
  const env = limited({ DATABASE_URL: databaseUrl, REDIS_URL: 'redis://127.0.0.1:6379', IP_HASH_SECRET: randomBytes(16).toString('hex') })
  const a = await buildTestApp(t, env)
  const b = await buildTestApp(t, env)
  const { storiesUrl } = await siteWithTopic(a.db)
  const urls = await Promise.all([a.app.listen({ port: 0, host: '127.0.0.1' }), b.app.listen({ port: 0, host: '127.0.0.1' })])
  t.not(urls[0], urls[1], 'two ports')
  const post = (base: string) => fetch(`${base}${storiesUrl}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(distinctStory()) })
  const statuses = [(await post(urls[0])).status, (await post(urls[1])).status, (await post(urls[0])).status, (await post(urls[1])).status]
  t.same(statuses, [201, 201, 201, 429], 'the 4th request, on either instance, is over the shared limit of 3')
  // Each instance counts on the one Redis command connection its store owns (the change bus
  // publishes on it too), not on a connection of the limiter's own.
  const redis = new Redis('redis://127.0.0.1:6379')
  t.teardown(async () => { await redis.quit() })
  const database = new URL(databaseUrl).pathname.slice(1)
  const commands = (await redis.client('LIST') as string).split('\n').filter((line) => line.includes(` name=candor-commands-${database} `))
  t.equal(commands.length, 2, 'one command connection per instance')
  for (const line of commands) t.match(line, / cmd=(evalsha|eval) /, 'the limiter\'s counting script ran on it last')
})

t.test('without Redis, each instance counts on its own (as documented)', async (t) => {
  const databaseUrl = await freshDatabase(t)
  const env = limited({ DATABASE_URL: databaseUrl, IP_HASH_SECRET: randomBytes(16).toString('hex') })
  const a = await buildTestApp(t, env)
  const b = await buildTestApp(t, env)
  const { storiesUrl } = await siteWithTopic(a.db)
  const post = (app: typeof a.app) => app.inject({ method: 'POST', url: storiesUrl, payload: distinctStory(), remoteAddress: '198.51.100.9' })
  for (let i = 0; i < 3; i++) await post(a.app)
  t.equal((await post(a.app)).statusCode, 429)
  t.equal((await post(b.app)).statusCode, 201)
})

t.test('requests without a valid key are counted and limited like any other, with the headers', async (t) => {
  const { app, db } = await buildTestApp(t, limited({ RATE_LIMIT_READS_PER_MINUTE: '4' }))
  const { site, storiesUrl } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  const ip = '203.0.113.90'
  const noKey = await app.inject({ url: '/v1/moderation/queue', remoteAddress: ip })
  t.equal(noKey.statusCode, 401)
  t.same([noKey.headers['ratelimit-limit'], noKey.headers['ratelimit-remaining'], noKey.headers['ratelimit-policy']], ['4', '3', '4;w=60'], 'a 401 carries the RateLimit headers')
  const wrongKey = await app.inject({ url: '/v1/admin/sites', headers: bearer('cnd_not_a_key'), remoteAddress: ip })
  t.equal(wrongKey.statusCode, 401)
  t.equal(wrongKey.headers['ratelimit-remaining'], '2')
  const wrongRole = await app.inject({ url: '/v1/admin/sites', headers: bearer(researcher), remoteAddress: ip })
  t.equal(wrongRole.statusCode, 403)
  t.equal(wrongRole.headers['ratelimit-remaining'], '1', 'a 403 for the role carries them too')
  const invalid = await app.inject({ url: `${storiesUrl}?limit=0`, remoteAddress: ip })
  t.equal(invalid.statusCode, 400)
  t.equal(invalid.headers['ratelimit-remaining'], '0', 'so does a 400')
  const refused = await app.inject({ url: '/v1/moderation/queue', headers: bearer('cnd_guess_number_five'), remoteAddress: ip })
  t.equal(refused.statusCode, 429, 'guessing keys is limited: the 5th request is refused before the key is looked at')
  t.ok(Number(refused.headers['retry-after']) > 0)
  t.equal(refused.headers['ratelimit-remaining'], '0')
})

t.test('/health, /ready and /metrics are never limited, /openapi.json is; the contract declares exactly that', async (t) => {
  const metricsToken = 'scraper-token-of-24-chars-or-more'
  const { app } = await buildTestApp(t, limited({ RATE_LIMIT_READS_PER_MINUTE: '2', METRICS_TOKEN: metricsToken }))
  const ip = '203.0.113.91'
  for (const url of ['/health', '/ready', '/metrics']) {
    // /metrics answers another host only with the token (tests/routes/operations/operations.test.ts).
    const headers = url === '/metrics' ? { authorization: `Bearer ${metricsToken}` } : {}
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await app.inject({ url, remoteAddress: ip, headers }))
    t.same(answers.map((r) => r.statusCode), [200, 200, 200, 200], `${url} answers past the read limit`)
    t.notOk(answers.some((r) => 'ratelimit-limit' in r.headers || 'ratelimit-policy' in r.headers), `${url} sends no RateLimit headers`)
  }
  const contract = [await app.inject({ url: '/openapi.json', remoteAddress: ip }), await app.inject({ url: '/openapi.json', remoteAddress: ip }), await app.inject({ url: '/openapi.json', remoteAddress: ip })]
  t.same(contract.map((r) => r.statusCode), [200, 200, 429], '/openapi.json is limited as a read')
  t.equal(contract[0]!.headers['ratelimit-limit'], '2')

  const document = (await loadContract()).document as { paths: Record<string, Record<string, { operationId: string, responses: Record<string, { headers?: Record<string, unknown>, $ref?: string }> }>> }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const op of Object.values(item)) {
      const limitedHere = !unlimitedPaths.has(path)
      t.equal('429' in op.responses, limitedHere, `${op.operationId}: 429 declared iff the server limits it`)
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'))
      for (const [status, response] of successes) {
        const declared = response.$ref !== undefined || (response.headers !== undefined && 'RateLimit-Limit' in response.headers)
        t.equal(declared, limitedHere, `${op.operationId} ${status}: RateLimit headers declared iff the server sends them`)
      }
    }
  }
})
