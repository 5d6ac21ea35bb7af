// Caches true on every instance: two apps on one database, each keeping pages, keys and origins far
// longer than the test runs (the TTLs cannot be what makes them true). A change committed on A must
// hold on B within 100 ms, over PostgreSQL LISTEN/NOTIFY and over Redis, and again after the
// notification connection is killed.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import pg from 'pg'
import t, { type Test } from 'tap'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../helpers/factories.js'

const limitMs = 100
const longCache = { PUBLIC_CACHE_MS: '60000' }
const redisUrl = 'redis://127.0.0.1:6379'

/** Polls `holds` until it is true; the milliseconds it took, or null after `ms`. */
async function within (ms: number, holds: () => Promise<boolean>): Promise<number | null> {
  const start = performance.now()
  for (;;) {
    if (await holds()) return Math.round(performance.now() - start)
    if (performance.now() - start > ms) return null
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

async function twoInstances (t: Test, env: Record<string, string> = {}): Promise<{ a: TestApp, b: FastifyInstance }> {
  const a = await buildTestApp(t, { ...longCache, ...env })
  const b = await buildTestApp(t, { ...longCache, ...env, DATABASE_URL: a.config.databaseUrl! })
  await Promise.all([a.app.ready(), b.app.ready()])
  return { a, b: b.app }
}

/** Submits a story on A, has B render (and keep) the topic's list, approves on A; ms until B lists it. */
async function approvalShowsOnB (a: TestApp, b: FastifyInstance): Promise<number | null> {
  const { site, storiesUrl } = await siteWithTopic(a.db)
  const moderator = await apiKey(a.db, 'moderator', [site.slug])
  const { id } = await submit(a.app, storiesUrl)
  const listed = async () => (await b.inject({ url: storiesUrl })).json<{ items: Array<{ id: string }> }>().items.some((s) => s.id === id)
  if (await listed()) throw new Error('listed before approval')
  if ((await decideOn(a.app, moderator, id, { action: 'approve' })).statusCode !== 200) throw new Error('approval failed')
  return await within(limitMs, listed)
}

t.test('LISTEN/NOTIFY: an approval on A is public on B', async (t) => {
  const { a, b } = await twoInstances(t)
  const ms = await approvalShowsOnB(a, b)
  t.not(ms, null, `listed on B within ${limitMs} ms (took ${ms} ms)`)
})

t.test('LISTEN/NOTIFY: a key revoked on A fails on B', async (t) => {
  const { a, b } = await twoInstances(t)
  const { site } = await siteWithTopic(a.db)
  const admin = await apiKey(a.db, 'admin')
  const moderator = await apiKey(a.db, 'moderator', [site.slug])
  const status = async () => (await b.inject({ url: '/v1/me', headers: bearer(moderator) })).statusCode
  t.equal(await status(), 200, 'B knows (and keeps) the key')
  const listed = (await a.app.inject({ url: '/v1/admin/api-keys', headers: bearer(admin) })).json<{ items: Array<{ id: string, prefix: string }> }>()
  const id = listed.items.find((k) => moderator.startsWith(k.prefix))!.id
  t.equal((await a.app.inject({ method: 'DELETE', url: `/v1/admin/api-keys/${id}`, headers: bearer(admin) })).statusCode, 204)
  const ms = await within(limitMs, async () => await status() === 401)
  t.not(ms, null, `refused on B within ${limitMs} ms (took ${ms} ms)`)
})

t.test('LISTEN/NOTIFY: an origin allowed on A works on B', async (t) => {
  const { a, b } = await twoInstances(t)
  const { site, storiesUrl } = await siteWithTopic(a.db)
  const admin = await apiKey(a.db, 'admin')
  const origin = 'https://new-home.example'
  const granted = async () => (await b.inject({
    method: 'OPTIONS', url: storiesUrl, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  })).headers['access-control-allow-origin'] === origin
  t.notOk(await granted(), 'B refuses the origin (and keeps the site\'s list)')
  const patched = await a.app.inject({
    method: 'PATCH', url: `/v1/admin/sites/${site.slug}`, headers: bearer(admin), payload: { allowedOrigins: ['https://example.org', origin] },
  })
  t.equal(patched.statusCode, 200)
  const ms = await within(limitMs, granted)
  t.not(ms, null, `granted on B within ${limitMs} ms (took ${ms} ms)`)
})

t.test('LISTEN/NOTIFY: a topic edited on A reads anew on B', async (t) => {
  const { a, b } = await twoInstances(t)
  const { site, topic } = await siteWithTopic(a.db)
  const admin = await apiKey(a.db, 'admin')
  const url = `/v1/sites/${site.slug}/topics/${topic.slug}`
  const title = async () => (await b.inject({ url })).json<{ title: string }>().title
  t.equal(await title(), topic.title, 'B keeps the topic')
  const patched = await a.app.inject({ method: 'PATCH', url: `/v1/admin/${url.slice(4)}`, headers: bearer(admin), payload: { title: 'Cranial osteopathy' } })
  t.equal(patched.statusCode, 200)
  const ms = await within(limitMs, async () => await title() === 'Cranial osteopathy')
  t.not(ms, null, `the new title on B within ${limitMs} ms (took ${ms} ms)`)
})

async function listeners (databaseUrl: string, terminate = false): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(${terminate ? 'pg_terminate_backend(pid)' : '*'})::int AS n FROM pg_stat_activity
       WHERE application_name = 'candor-changes' AND datname = current_database()`)
    return rows[0]!.n
  } finally {
    await client.end()
  }
}

t.test('LISTEN/NOTIFY: killed listeners reconnect, drop what they may have missed, and invalidate again', async (t) => {
  const { a, b } = await twoInstances(t)
  const url = a.config.databaseUrl!
  t.equal(await listeners(url), 2, 'one listening connection per instance, outside the pools')
  const { storiesUrl } = await siteWithTopic(a.db)
  const { id } = await submit(a.app, storiesUrl)
  const listed = async () => (await b.inject({ url: storiesUrl })).json<{ items: Array<{ id: string }> }>().items.some((s) => s.id === id)
  t.notOk(await listed(), 'B keeps the list without the story')
  // Approved behind the app's back: no notification is ever sent, as if it were lost.
  await a.db.story.update({ where: { id }, data: { status: 'approved', publishedAt: new Date() } })
  t.notOk(await listed(), 'B still shows its kept list')

  t.equal(await listeners(url, true), 2, 'both listeners terminated')
  const resynced = await within(5_000, listed)
  t.not(resynced, null, `B drops its pages on reconnecting and lists the story (took ${resynced} ms; the page cache time is 60 s)`)
  t.equal(await within(5_000, async () => await listeners(url) === 2) !== null, true, 'both listeners are back')

  const ms = await approvalShowsOnB(a, b)
  t.not(ms, null, `after reconnecting, an approval on A is listed on B within ${limitMs} ms (took ${ms} ms)`)
})

t.test('Redis pub/sub (REDIS_URL): an approval on A is public on B, also after the subscriber is killed', async (t) => {
  const { a, b } = await twoInstances(t, { REDIS_URL: redisUrl })
  t.equal(await listeners(a.config.databaseUrl!), 0, 'no PostgreSQL listener when Redis carries the changes')
  const first = await approvalShowsOnB(a, b)
  t.not(first, null, `listed on B within ${limitMs} ms (took ${first} ms)`)

  const redis = new Redis(redisUrl)
  t.teardown(async () => { await redis.quit() })
  const database = new URL(a.config.databaseUrl!).pathname.slice(1)
  const clients = (await redis.client('LIST') as string).split('\n').filter((line) => line.includes(` name=candor-changes-${database} `))
  t.equal(clients.length, 2, 'one subscriber per instance')
  for (const line of clients) await redis.client('KILL', 'ID', /(?:^|\s)id=(\d+)/.exec(line)![1]!)
  const back = await within(5_000, async () =>
    (await redis.client('LIST') as string).split('\n').filter((line) => line.includes(` name=candor-changes-${database} `) && / sub=1 /.test(line)).length === 2)
  t.not(back, null, `both subscribers are back (took ${back} ms)`)
  const again = await approvalShowsOnB(a, b)
  t.not(again, null, `after reconnecting, listed on B within ${limitMs} ms (took ${again} ms)`)
})

/** A port nothing listens on (yet). */
async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

t.test('Redis pub/sub: instances that started while Redis was down subscribe once it is up', async (t) => {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  const { a, b } = await twoInstances(t, { REDIS_URL: url })
  // Redis comes up after both instances started (a server of this test's own, on its own port).
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  t.teardown(() => { server.kill() })
  const redis = new Redis(url, { retryStrategy: () => 50 })
  t.teardown(async () => { await redis.quit() })
  const database = new URL(a.config.databaseUrl!).pathname.slice(1)
  const subscribed = await within(10_000, async () =>
    (await redis.client('LIST') as string).split('\n').filter((line) => line.includes(` name=candor-changes-${database} `) && / sub=1 /.test(line)).length === 2)
  t.not(subscribed, null, `both instances subscribed once Redis was up (took ${subscribed} ms)`)
  const ms = await approvalShowsOnB(a, b)
  t.not(ms, null, `then an approval on A is listed on B within ${limitMs} ms (took ${ms} ms)`)
})

t.test('an instance closed while Redis is down stops reconnecting to it (a connection left reconnecting kept the process alive)', async (t) => {
  // QUIT cannot reach a Redis that is away; a connection left reconnecting would keep the process alive.
  const { app } = await buildTestApp(t, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` })
  await app.ready()
  const { redis } = app.store
  if (!redis) return t.fail('the store opened no Redis command connection')
  // It retries after 100 ms, doubling up to 5 s: within 2 s it would try several times.
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.ok(await app.close().then(() => true), 'the instance closes')
  let attempts = 0
  redis.on('reconnecting', () => { attempts++ })
  await new Promise((resolve) => setTimeout(resolve, 2000))
  t.equal(attempts, 0, 'and its Redis connection no longer tries to reconnect')
})
