// The operator CLI, run as an operator would: `npm run cli -- keys create …` prints a working key once.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import t from 'tap'
import { findPrincipal } from '../../src/keys/api-keys.js'
import { buildTestApp } from '../helpers/app.js'
import { siteWithTopic } from '../helpers/factories.js'

const run = promisify(execFile)

t.test('keys create prints a key that authenticates with the right role and sites', async (t) => {
  const { db, config } = await buildTestApp(t)
  const { site } = await siteWithTopic(db, 'cli-site')
  const env = { ...process.env, DATABASE_URL: config.databaseUrl }
  const created = await run('npx', ['tsx', 'src/cli/main.ts', 'keys', 'create', '--role', 'moderator', '--site', site.slug], { env })
  const key = created.stdout.trim()
  t.match(key, /^cnd_[\w-]{40,}$/, 'stdout is the key alone, for scripts')
  t.match(created.stderr, /only time the key is shown/)
  const principal = await findPrincipal(db, key)
  t.equal(principal?.role, 'moderator')
  t.same(principal?.sites instanceof Map ? [...principal.sites.values()] : principal?.sites, ['cli-site'])

  const listed = await run('npx', ['tsx', 'src/cli/main.ts', 'keys', 'list'], { env })
  t.notOk(listed.stdout.includes(key), 'listing never shows keys')

  await t.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'keys', 'create', '--role', 'moderator', '--site', 'nowhere'], { env }), 'an unknown site fails')
  await t.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'keys', 'frobnicate'], { env }), 'an unknown command fails with usage')
})
