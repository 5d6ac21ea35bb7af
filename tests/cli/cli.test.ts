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

t.test('triage rerun re-triages pending stories with the shipped model and writes each change to the audit trail', async (t) => {
  const { db, config } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db, 'cli-rerun')
  // As a story triaged by an older model would be stored: normal, by 'phrases'.
  const base = { siteId: site.id, topicId: topic.id, consentPublish: true, triageLevel: 'normal' as const, triageCategories: [], manageTokenHash: 'x' }
  const old = await db.story.create({ data: { ...base, title: 'After the retreat', body: 'Since the retreat I keep thinking everyone would be better off without me.' } })
  const same = await db.story.create({ data: { ...base, title: 'Lovely', body: 'A calm hour and my shoulders feel looser.' } })
  const approved = await db.story.create({ data: { ...base, status: 'approved', title: 'Approved', body: 'I want to die.' } })
  const env = { ...process.env, DATABASE_URL: config.databaseUrl }
  const out = await run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'rerun', '--status', 'pending'], { env })
  const summary = JSON.parse(out.stdout) as { examined: number, changed: number }
  t.ok(summary.examined >= 2 && summary.changed >= 2, `examined ${summary.examined}, changed ${summary.changed}`)

  const fresh = await db.story.findUniqueOrThrow({ where: { id: old.id } })
  t.equal(fresh.triageLevel, 'critical', 'the pending story is critical now')
  t.ok(fresh.triageCategories.includes('self_harm'))
  t.match(fresh.triageModel, /^linear-/, 'the model version is recorded')
  t.equal(fresh.version, old.version + 1, 'a new version, so a stale view gets 412')
  const events = await db.auditEvent.findMany({ where: { storyId: old.id, action: 'retriaged' }, include: { note: true } })
  t.equal(events.length, 1, 'one audit event')
  t.match(events[0]?.reason, /^model phrases → linear-/)
  t.match(events[0]?.note?.note, /^normal → critical \[self_harm/)

  const unchanged = await db.story.findUniqueOrThrow({ where: { id: same.id } })
  t.equal(unchanged.triageLevel, 'normal', 'a normal story stays normal')
  t.match(unchanged.triageModel, /^linear-/, 'but records the model that read it')
  t.equal((await db.story.findUniqueOrThrow({ where: { id: approved.id } })).triageModel, 'phrases', 'other statuses are left alone')

  const again = JSON.parse((await run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'rerun'], { env })).stdout) as { changed: number }
  t.equal(again.changed, 0, 'a second run changes nothing')
  await t.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'rerun', '--status', 'bogus'], { env }), 'an unknown status fails')
})
