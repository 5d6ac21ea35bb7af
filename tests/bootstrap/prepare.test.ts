// Start-up preparation: embedded PostgreSQL that keeps its data across restarts, demo data loaded
// once with stories in every status, and the bootstrap admin key.
import { mkdtemp, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { createDb } from '../../src/db/client.js'
import { prepareDatabase } from '../../src/bootstrap/prepare.js'
import { findPrincipal } from '../../src/keys/api-keys.js'
import { freshDatabase } from '../helpers/app.js'

const quiet = (): void => {}

t.test('the embedded database starts, loads the demo once, and keeps data across restarts', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'candor-data-'))
  await chmod(dataDir, 0o755) // PostgreSQL runs as the postgres user when we are root
  const config = loadConfig({ DATA_DIR: dataDir })

  const first = await prepareDatabase(config, quiet)
  t.ok(first.embedded)
  let db = createDb(first.databaseUrl, 1)
  const statuses = (await db.story.groupBy({ by: ['status'], _count: true })).map((g) => g.status).sort()
  t.same(statuses, ['approved', 'pending', 'rejected', 'removed', 'withdrawn'], 'demo stories in every status')
  t.ok(await db.topic.findFirst({ where: { slug: 'craniosacral-massage', site: { slug: 'demo' } } }))
  await db.site.create({ data: { slug: 'kept', name: 'Written before the restart', allowedOrigins: [] } })
  const storiesBefore = await db.story.count()
  await db.$disconnect()
  await first.stop()

  const second = await prepareDatabase(config, quiet)
  t.teardown(second.stop)
  db = createDb(second.databaseUrl, 1)
  t.teardown(() => db.$disconnect())
  t.ok(await db.site.findUnique({ where: { slug: 'kept' } }), 'data survives a restart')
  t.equal(await db.story.count(), storiesBefore, 'the demo is not loaded twice')
})

t.test('with DATABASE_URL: no demo unless asked, and BOOTSTRAP_ADMIN_KEY becomes the first admin key', async (t) => {
  const url = await freshDatabase(t)
  const key = 'bootstrap-key-for-tests-0123456789'
  const prepared = await prepareDatabase(loadConfig({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key }), quiet)
  t.notOk(prepared.embedded)
  const db = createDb(url, 1)
  t.teardown(() => db.$disconnect())
  t.equal(await db.site.count(), 0, 'no demo data on a real deployment by default')
  t.match(await findPrincipal(db, key), { role: 'admin', sites: 'all' })
  t.notOk(JSON.stringify(await db.apiKey.findMany()).includes(key), 'stored hashed')

  await prepareDatabase(loadConfig({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: 'another-bootstrap-key-0123456789' }), quiet)
  t.equal(await db.apiKey.count(), 1, 'ignored once an admin key exists')
})

t.test('a revoked BOOTSTRAP_ADMIN_KEY stays revoked, and the start says how to make an admin key', async (t) => {
  const url = await freshDatabase(t)
  const key = 'bootstrap-key-to-revoke-0123456789'
  await prepareDatabase(loadConfig({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key }), quiet)
  const db = createDb(url, 1)
  t.teardown(() => db.$disconnect())
  await db.apiKey.updateMany({ data: { revokedAt: new Date() } })
  t.equal(await findPrincipal(db, key), null, 'revoked')

  const said: string[] = []
  await prepareDatabase(loadConfig({ DATABASE_URL: url, BOOTSTRAP_ADMIN_KEY: key }), (line) => { said.push(line) })
  t.equal(await findPrincipal(db, key), null, 'a restart with the same BOOTSTRAP_ADMIN_KEY does not bring it back')
  t.equal(await db.apiKey.count(), 1, 'and makes no other key')
  t.ok(said.some((l) => /was revoked and stays revoked/.test(l)), 'the start says so')
  t.ok(said.some((l) => /npm run cli -- keys create --role admin/.test(l)), 'and how to make an admin key')
})
