// The operator CLI, run as an operator would: `npm run cli -- keys create …` prints a working key once;
// `keys revoke` holds at once on running instances; `triage labels` writes the moderators' labels in the
// harm-eval format.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import t from 'tap'
import { findPrincipal } from '../../src/keys/api-keys.js'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, correctOn, decideOn, siteWithTopic, submit } from '../helpers/factories.js'

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

t.test('keys revoke holds at once on a running instance that had the key cached', async (t) => {
  const { app, db, config } = await buildTestApp(t)
  const { site } = await siteWithTopic(db, 'cli-revoke')
  const key = await apiKey(db, 'moderator', [site.slug])
  const keyId = (await findPrincipal(db, key))!.keyId
  const queue = async () => (await app.inject({ url: '/v1/moderation/queue', headers: bearer(key) })).statusCode
  t.equal(await queue(), 200, 'the instance has authenticated (and cached) the key')
  await run('npx', ['tsx', 'src/cli/main.ts', 'keys', 'revoke', keyId], { env: { ...process.env, DATABASE_URL: config.databaseUrl } })
  const revokedAt = Date.now()
  let status = await queue()
  while (status === 200 && Date.now() - revokedAt < 1000) status = await queue()
  t.equal(status, 401, `refused ${Date.now() - revokedAt} ms after the CLI finished, well within the key cache's 5 s`)
})

t.test('keys revoke with Redis away still revokes, says the instances were not told, and exits', async (t) => {
  const { db, config } = await buildTestApp(t)
  const { site } = await siteWithTopic(db, 'cli-revoke-offline')
  const key = await apiKey(db, 'moderator', [site.slug])
  const keyId = (await findPrincipal(db, key))!.keyId
  // Port 1: nothing listens.
  const env = { ...process.env, DATABASE_URL: config.databaseUrl, REDIS_URL: 'redis://127.0.0.1:1' }
  const out = await run('npx', ['tsx', 'src/cli/main.ts', 'keys', 'revoke', keyId], { env, timeout: 60_000 })
  t.match(out.stderr, /revoked; running instances will refuse it within 5 s \(could not tell them now/)
  t.equal(await findPrincipal(db, key), null, 'the key no longer authenticates')
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
  t.match(fresh.triageModel, /^(linear|stacked)-/, 'the model version is recorded')
  t.equal(fresh.version, old.version + 1, 'a new version, so a stale view gets 412')
  const events = await db.auditEvent.findMany({ where: { storyId: old.id, action: 'retriaged' }, include: { note: true } })
  t.equal(events.length, 1, 'one audit event')
  t.match(events[0]?.reason, /^model phrases → (linear|stacked)-/)
  t.match(events[0]?.note?.note, /^normal → critical \[self_harm/)

  const unchanged = await db.story.findUniqueOrThrow({ where: { id: same.id } })
  t.equal(unchanged.triageLevel, 'normal', 'a normal story stays normal')
  t.match(unchanged.triageModel, /^(linear|stacked)-/, 'but records the model that read it')
  t.equal((await db.story.findUniqueOrThrow({ where: { id: approved.id } })).triageModel, 'phrases', 'other statuses are left alone')

  const again = JSON.parse((await run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'rerun'], { env })).stdout) as { changed: number }
  t.equal(again.changed, 0, 'a second run changes nothing')
  await t.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'rerun', '--status', 'bogus'], { env }), 'an unknown status fails')
})

t.test('triage labels writes the site\'s labelled items in the harm-eval format; withdrawn and erased items never appear', async (t) => {
  const { app, db, config } = await buildTestApp(t)
  const { site, storiesUrl } = await siteWithTopic(db, 'cli-labels')
  const other = await siteWithTopic(db, 'cli-labels-other')
  const moderator = await apiKey(db, 'moderator', [site.slug, other.site.slug])
  const admin = await apiKey(db, 'admin')
  const corrected = await submit(app, storiesUrl, { title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking.', verdict: 'ineffective' })
  const confirmed = await submit(app, storiesUrl, { title: 'Gentle', body: 'Five calm sessions and fewer headaches.', verdict: null })
  const unlabelled = await submit(app, storiesUrl, { title: 'Waiting', body: 'Still waiting for a moderator.' })
  const withdrawn = await submit(app, storiesUrl, { title: 'Withdrawn later', body: 'The author took this one back.' })
  const erased = await submit(app, storiesUrl, { title: 'Erased later', body: 'An admin erased this one on request.' })
  const elsewhere = await submit(app, other.storiesUrl, { title: 'Other site', body: 'This story belongs to another site.' })
  t.equal((await correctOn(app, moderator, corrected.id, { level: 'critical', categories: ['self_harm', 'trauma_response'] })).statusCode, 200)
  for (const id of [confirmed.id, withdrawn.id, erased.id, elsewhere.id]) t.equal((await decideOn(app, moderator, id, { action: 'approve' })).statusCode, 200)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/stories/${withdrawn.id}`, headers: { 'x-manage-token': withdrawn.manageToken } })).statusCode, 204)
  t.equal((await app.inject({ method: 'POST', url: `/v1/admin/stories/${erased.id}/erase`, headers: bearer(admin) })).statusCode, 204)

  const env = { ...process.env, DATABASE_URL: config.databaseUrl }
  const out = await run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'labels', '--site', site.slug], { env })
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l))
  t.same(lines.map((l) => Object.keys(l)), [0, 1].map(() => ['id', 'level', 'categories', 'verdict', 'title', 'body']), 'the harm-eval fields, nothing else')
  t.same(lines, [
    { id: corrected.id, level: 'critical', categories: ['self_harm', 'trauma_response'], verdict: 'ineffective', title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking.' },
    { id: confirmed.id, level: 'normal', categories: [], verdict: null, title: 'Gentle', body: 'Five calm sessions and fewer headaches.' },
  ], 'the corrected and the confirmed item, in submission order; not the unlabelled, withdrawn, erased or other site\'s')
  t.notOk([unlabelled.id, withdrawn.id, erased.id, elsewhere.id].some((id) => out.stdout.includes(id)))
  t.match(out.stderr, /2 labelled items from cli-labels/)
  await t.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'labels'], { env }), 'without --site it fails')
  await t.rejects(run('npx', ['tsx', 'src/cli/main.ts', 'triage', 'labels', '--site', 'nowhere'], { env }), 'an unknown site fails')
})
