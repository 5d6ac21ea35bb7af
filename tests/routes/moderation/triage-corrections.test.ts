// Correcting triage (PUT /v1/moderation/stories/{id}/triage): the moderator's level and categories are
// kept as the item's label beside triage's own reading, audited, under If-Match and the key's sites;
// a decision without a correction confirms triage; bad input changes nothing; erasure takes the label.
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import type { Db } from '../../../src/db/client.js'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, correctOn, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

const flashbacks = { title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking for an hour.', verdict: 'ineffective' }

/** What a failed request must leave as it was: the version, the label and the audit trail. */
async function snapshot (app: FastifyInstance, key: string, id: string) {
  const view = (await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(key) })).json()
  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(key) })).json().items
  return { version: view.version, triageLabel: view.triageLabel, triage: view.triage, events: history.length }
}

async function setup (t: Test) {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  return { app, db, storiesUrl, site, moderator }
}

const labelOf = async (db: Db, storyId: string) => await db.triageLabel.findUnique({ where: { storyId } })

t.test('a moderator corrects triage: the label is kept beside triage, audited, and a decision keeps it', async (t) => {
  const { app, db, storiesUrl, moderator } = await setup(t)
  const { id } = await submit(app, storiesUrl, flashbacks)
  const before = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })
  t.match(before.json(), { triage: { level: 'high', categories: ['trauma_response'] }, triageLabel: null }, 'triage reads trauma; no label yet')

  const res = await app.inject({
    method: 'PUT',
    url: `/v1/moderation/stories/${id}/triage`,
    headers: { ...bearer(moderator), 'if-match': String(before.headers.etag) },
    payload: { level: 'critical', categories: ['trauma_response', 'self_harm'], note: 'She says she wanted to die afterwards' },
  })
  t.equal(res.statusCode, 200)
  t.equal(res.headers.etag, '"v2"', 'a new version, so a stale view gets 412')
  t.match(res.json(), {
    triage: { level: 'high', categories: ['trauma_response'] },
    triageLabel: { level: 'critical', categories: ['self_harm', 'trauma_response'], source: 'corrected', triageLevel: 'high', triageCategories: ['trauma_response'] },
  }, "triage's own reading is unchanged; the label is the moderator's, categories in the contract's order")
  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(moderator) })).json().items
  t.equal(history[0].actorName, null, 'the author is not named')
  t.match(history.at(-1), { action: 'triage_corrected', actor: /^key:/, actorName: 'moderator test key', reason: null, note: 'high (trauma_response) → critical (self_harm, trauma_response) · She says she wanted to die afterwards' })
  const queue = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items
  t.match(queue[0], { id, triage: { level: 'high' } }, 'the queue still shows triage')

  const again = await correctOn(app, moderator, id, { level: 'high', categories: ['trauma_response'] })
  t.match(again.json().triageLabel, { level: 'high', categories: ['trauma_response'], source: 'corrected' }, 'a later correction replaces it')
  t.equal((await decideOn(app, moderator, id, { action: 'approve' })).statusCode, 200)
  t.match((await labelOf(db, id)), { level: 'high', source: 'corrected' }, 'a decision after a correction keeps the correction')
})

t.test('a decision without a correction confirms triage; escalating does not', async (t) => {
  const { app, db, storiesUrl, moderator } = await setup(t)
  const approved = (await submit(app, storiesUrl, flashbacks)).id
  const rejected = (await submit(app, storiesUrl)).id
  const escalated = (await submit(app, storiesUrl, { title: 'Escalate me', body: 'I am not sure this clinic exists; the address looks made up to me.' })).id
  t.equal((await decideOn(app, moderator, approved, { action: 'approve' })).statusCode, 200)
  t.equal((await decideOn(app, moderator, rejected, { action: 'reject', reason: 'spam' })).statusCode, 200)
  t.equal((await decideOn(app, moderator, escalated, { action: 'escalate' })).statusCode, 200)
  t.match(await labelOf(db, approved), { level: 'high', categories: ['trauma_response'], source: 'confirmed', triageLevel: 'high' })
  t.match(await labelOf(db, rejected), { level: 'normal', categories: [], source: 'confirmed' })
  t.equal(await labelOf(db, escalated), null)
  const view = (await app.inject({ url: `/v1/moderation/stories/${approved}`, headers: bearer(moderator) })).json()
  t.match(view.triageLabel, { source: 'confirmed', level: 'high' }, 'the moderation view shows the label')
})

t.test('bad input gets a clear problem and changes nothing', async (t) => {
  const { app, storiesUrl, moderator } = await setup(t)
  const { id } = await submit(app, storiesUrl, flashbacks)
  const before = await snapshot(app, moderator, id)
  const put = (payload: unknown, headers: Record<string, string> = { 'if-match': '"v1"' }) =>
    app.inject({ method: 'PUT', url: `/v1/moderation/stories/${id}/triage`, headers: { ...bearer(moderator), ...headers }, payload: payload as object })

  const cases: Array<[string, Awaited<ReturnType<typeof put>>, number, string, string?]> = [
    ['critical without self_harm', await put({ level: 'critical', categories: ['abuse'] }), 400, 'validation_failed', '/body/level'],
    ['high with no category', await put({ level: 'high', categories: [] }), 400, 'validation_failed', '/body/level'],
    ['normal with a category', await put({ level: 'normal', categories: ['physical_harm'] }), 400, 'validation_failed', '/body/level'],
    ['an unknown category', await put({ level: 'high', categories: ['sadness'] }), 400, 'validation_failed', '/body/categories/0'],
    ['an unknown level', await put({ level: 'urgent', categories: [] }), 400, 'validation_failed', '/body/level'],
    ['a repeated category', await put({ level: 'high', categories: ['abuse', 'abuse'] }), 400, 'validation_failed', '/body/categories'],
    ['no categories field', await put({ level: 'normal' }), 400, 'validation_failed'],
    ['an extra field', await put({ level: 'normal', categories: [], confidence: 1 }), 400, 'validation_failed'],
    ['no If-Match', await put({ level: 'normal', categories: [] }, {}), 428, 'precondition_required'],
    ['a stale If-Match', await put({ level: 'normal', categories: [] }, { 'if-match': '"v7"' }), 412, 'precondition_failed'],
  ]
  for (const [what, res, status, code, pointer] of cases) {
    t.equal(res.statusCode, status, `${what}: ${status}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${what}: problem+json`)
    t.equal(res.json().code, code, `${what}: ${code}`)
    if (pointer) t.ok(res.json().errors?.some((e: { pointer: string }) => e.pointer === pointer), `${what}: names ${pointer}: ${JSON.stringify(res.json().errors)}`)
  }
  t.match(cases[0]![1].json().detail, /critical is the level for self_harm/, 'the detail says how to fix it')
  t.same(await snapshot(app, moderator, id), before, 'nothing changed: version, label, triage, history')
})

t.test("a moderator of another site gets 403 as elsewhere in moderation, an unknown item 404; another's claim 409", async (t) => {
  const { app, db, storiesUrl, moderator } = await setup(t)
  const other = await siteWithTopic(db)
  const outsider = await apiKey(db, 'moderator', [other.site.slug])
  const holder = await apiKey(db, 'moderator', [(await db.site.findFirstOrThrow({ where: { slug: { not: other.site.slug } } })).slug])
  const { id } = await submit(app, storiesUrl, flashbacks)
  const before = await snapshot(app, moderator, id)
  const body = { level: 'normal', categories: [] }
  const asOutsider = await app.inject({ method: 'PUT', url: `/v1/moderation/stories/${id}/triage`, headers: { ...bearer(outsider), 'if-match': '"v1"' }, payload: body })
  const readAsOutsider = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(outsider) })
  t.equal(asOutsider.statusCode, readAsOutsider.statusCode, 'the same answer as reading it')
  t.equal(asOutsider.statusCode, 403)
  t.equal(asOutsider.json().code, 'forbidden_site')
  t.notMatch(asOutsider.body, /site-/, 'the problem does not name the site')
  const unknown = await app.inject({ method: 'PUT', url: '/v1/moderation/stories/0190f2f0-0000-7000-8000-000000000000/triage', headers: { ...bearer(moderator), 'if-match': '"v1"' }, payload: body })
  t.equal(unknown.statusCode, 404)
  t.equal((await app.inject({ method: 'PUT', url: `/v1/moderation/stories/${id}/triage`, headers: { 'if-match': '"v1"' }, payload: body })).statusCode, 401, 'no key: 401')
  const researcher = await apiKey(db, 'researcher', [other.site.slug])
  t.equal((await app.inject({ method: 'PUT', url: `/v1/moderation/stories/${id}/triage`, headers: { ...bearer(researcher), 'if-match': '"v1"' }, payload: body })).statusCode, 403, 'a researcher: 403')
  const qualityAsOutsider = await app.inject({ url: `/v1/moderation/triage/quality?site=${storiesUrl.split('/')[3]}`, headers: bearer(outsider) })
  t.equal(qualityAsOutsider.statusCode, 403, "another site's figures: 403")

  t.equal((await app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(holder) })).statusCode, 200)
  const claimed = await correctOn(app, moderator, id, body)
  t.equal(claimed.statusCode, 409, "another moderator's claim: 409")
  t.equal(claimed.json().code, 'claim_held')
  const after = await snapshot(app, moderator, id)
  t.same({ label: after.triageLabel, events: after.events }, { label: null, events: before.events + 1 }, 'no label, and no event but the claim')
})

t.test('comments are corrected like stories', async (t) => {
  const { app, storiesUrl, moderator } = await setup(t)
  const story = (await submit(app, storiesUrl)).id
  t.equal((await decideOn(app, moderator, story, { action: 'approve' })).statusCode, 200)
  const comment = await app.inject({ method: 'POST', url: `/v1/stories/${story}/comments`, payload: { body: 'He shouted at me and grabbed my arm during the session.', consent: { publish: true } } })
  const { id } = comment.json<{ id: string }>()
  const res = await correctOn(app, moderator, id, { level: 'high', categories: ['abuse'] })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { kind: 'comment', triageLabel: { level: 'high', categories: ['abuse'], source: 'corrected' } })
})

t.test('the label is erased with the item: withdrawn by its author, or erased by an admin', async (t) => {
  const { app, db, storiesUrl, site, moderator } = await setup(t)
  const admin = await apiKey(db, 'admin')
  const withdrawn = await submit(app, storiesUrl, flashbacks)
  const erased = (await submit(app, storiesUrl)).id
  t.equal((await correctOn(app, moderator, withdrawn.id, { level: 'critical', categories: ['self_harm'] })).statusCode, 200)
  t.equal((await decideOn(app, moderator, erased, { action: 'approve' })).statusCode, 200)
  const quality = async () => (await app.inject({ url: `/v1/moderation/triage/quality?site=${site.slug}`, headers: bearer(moderator) })).json()
  t.equal((await quality()).items, 2, 'both count while they exist')

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/stories/${withdrawn.id}`, headers: { 'x-manage-token': withdrawn.manageToken } })).statusCode, 204)
  t.equal((await app.inject({ method: 'POST', url: `/v1/admin/stories/${erased}/erase`, headers: bearer(admin) })).statusCode, 204)
  for (const id of [withdrawn.id, erased]) {
    t.equal(await labelOf(db, id), null, 'no label row is left')
    t.equal((await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })).json().triageLabel, null, 'the view shows none')
  }
  t.equal((await quality()).items, 0, 'and the figures no longer count them')
  const history = (await app.inject({ url: `/v1/moderation/stories/${withdrawn.id}/history`, headers: bearer(moderator) })).json().items
  t.match(history.find((e: { action: string }) => e.action === 'triage_corrected'), { reason: null, note: null }, 'the correction stays an event, but what it read is erased')
  const late = await correctOn(app, moderator, withdrawn.id, { level: 'normal', categories: [] })
  t.equal(late.statusCode, 409, 'a withdrawn item cannot be labelled again')
  t.equal(late.json().code, 'invalid_transition')
  t.equal(await labelOf(db, withdrawn.id), null)
})
