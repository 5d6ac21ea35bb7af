// Erasure erases: after an author withdraws, or an admin erases, a story or comment, no request gives
// back its text (replays under the same Idempotency-Key included) and no table keeps it: the whole
// database is searched for it, and the near-duplicate fingerprint of the text is looked for.
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import type { Db } from '../../src/db/client.js'
import { signature } from '../../src/items/near-duplicates.js'
import { buildTestApp } from '../helpers/app.js'
import { tablesContaining } from '../helpers/database-search.js'
import { apiKey, bearer, decideOn, siteWithTopic, storyInput } from '../helpers/factories.js'

async function fingerprintKept (db: Db, text: string): Promise<boolean> {
  const rows = await db.submissionFingerprint.findMany({ select: { signature: true } })
  const sig = signature(text)
  return rows.some((r) => r.signature.every((v, i) => v === sig[i]))
}

/** Every personal string of one item, for searching responses and the database. */
const secrets = (tag: string) => ({
  title: `Kestrel${tag} title`,
  body: `Kestrel${tag} body: the sessions at the Harbour Street clinic helped my back a great deal over time.`,
  authorName: `Wren${tag} Author`,
  authorEmail: `wren${tag}@example.org`,
  report: `Mallard${tag} report details`,
  note: `Plover${tag} note: I know this author personally`,
})
const markers = (tag: string) => [`Kestrel${tag}`, `Wren${tag}`, `Mallard${tag}`, `Plover${tag}`]

type Replay = () => Promise<{ statusCode: number, body: string, json: () => { code: string } }>

async function checkErased (t: Test, app: FastifyInstance, db: Db, tag: string, id: string, moderator: string, erasure: string, replays: Replay[]) {
  for (const replay of replays) {
    const res = await replay()
    t.equal(res.statusCode, 410, 'a replay under the same Idempotency-Key is gone')
    t.equal(res.json().code, 'idempotency_erased')
    for (const m of markers(tag)) t.notMatch(res.body, m, `the replay does not contain ${m}`)
  }
  const view = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })
  const history = await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(moderator) })
  for (const m of markers(tag)) {
    t.notMatch(view.body, m, `the moderation view does not contain ${m}`)
    t.notMatch(history.body, m, `the history does not contain ${m}`)
  }
  t.same(view.json().triage.evidence, [], 'no evidence quotes the text')
  t.same(view.json().triage.context, [], 'no context quotes the text')
  t.same(history.json().items.map((e: { action: string }) => e.action), ['submitted', 'approve', 'reported', erasure], 'the events stay')
  for (const m of markers(tag)) t.same(await tablesContaining(db, m), [], `no table keeps ${m}`)
  t.equal(await db.triageLabel.count({ where: { storyId: id } }), 0, "the moderator's triage label is gone")
}

t.test('a withdrawn story leaves nothing behind: replays, notes, fingerprints, stored answers', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const s = secrets('one')
  const author = '203.0.113.7'
  const payload = storyInput({ title: s.title, body: s.body, authorName: s.authorName, authorEmail: s.authorEmail })
  const submitOnce = () => app.inject({ method: 'POST', url: storiesUrl, payload, headers: { 'idempotency-key': 'submit-key-0001' }, remoteAddress: author })
  const submitted = await submitOnce()
  t.equal(submitted.statusCode, 201)
  const { id, manageToken } = submitted.json<{ id: string, manageToken: string }>()

  const decideOnce = () => app.inject({
    method: 'POST',
    url: `/v1/moderation/stories/${id}/decision`,
    headers: { ...bearer(moderator), 'if-match': '"v1"', 'idempotency-key': 'decide-key-0001' },
    payload: { action: 'approve', note: s.note },
  })
  t.equal((await decideOnce()).statusCode, 200)
  const reportOnce = () => app.inject({ method: 'POST', url: `/v1/stories/${id}/reports`, payload: { reason: 'privacy', details: s.report }, headers: { 'idempotency-key': 'report-key-0001' } })
  t.equal((await reportOnce()).statusCode, 202)
  t.match((await decideOnce()).body, 'Kestrelone', 'before withdrawal, the decision replays with the text')
  t.ok(await fingerprintKept(db, `${s.title}\n${s.body}`), 'and the fingerprint is kept for duplicate checks')
  t.ok(await db.triageLabel.findUnique({ where: { storyId: id } }), 'the approval confirmed triage: a label is kept')

  const withdrawn = await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': manageToken } })
  t.equal(withdrawn.statusCode, 204)
  await checkErased(t, app, db, 'one', id, moderator, 'withdrawn', [submitOnce, decideOnce, reportOnce])
  t.notOk(await fingerprintKept(db, `${s.title}\n${s.body}`), 'the fingerprint of the text is gone')
  const again = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title: s.title, body: s.body }), remoteAddress: author })
  t.equal(again.statusCode, 201, 'so the author may send the same text again')
})

t.test('an erased comment leaves nothing behind either', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const admin = await apiKey(db, 'admin')
  const story = (await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput() })).json<{ id: string }>()
  await decideOn(app, moderator, story.id, { action: 'approve' })
  const s = secrets('two')
  const commentOnce = () => app.inject({
    method: 'POST',
    url: `/v1/stories/${story.id}/comments`,
    payload: { body: s.body, authorName: s.authorName, authorEmail: s.authorEmail, consent: { publish: true } },
    headers: { 'idempotency-key': 'comment-key-0001' },
    remoteAddress: '203.0.113.8',
  })
  const created = await commentOnce()
  t.equal(created.statusCode, 201)
  const { id } = created.json<{ id: string }>()
  const decideOnce = () => app.inject({
    method: 'POST',
    url: `/v1/moderation/stories/${id}/decision`,
    headers: { ...bearer(moderator), 'if-match': '"v1"', 'idempotency-key': 'decide-key-0002' },
    payload: { action: 'approve', note: s.note },
  })
  t.equal((await decideOnce()).statusCode, 200)
  const reportOnce = () => app.inject({ method: 'POST', url: `/v1/comments/${id}/reports`, payload: { reason: 'privacy', details: s.report }, headers: { 'idempotency-key': 'report-key-0002' } })
  t.equal((await reportOnce()).statusCode, 202)

  const erased = await app.inject({ method: 'POST', url: `/v1/admin/stories/${id}/erase`, headers: bearer(admin) })
  t.equal(erased.statusCode, 204)
  await checkErased(t, app, db, 'two', id, moderator, 'erased', [commentOnce, decideOnce, reportOnce])
  t.notOk(await fingerprintKept(db, `\n${s.body}`), 'the fingerprint of the text is gone')
  t.equal((await app.inject({ url: `/v1/stories/${story.id}` })).statusCode, 200, 'the story it answered is untouched')
})
