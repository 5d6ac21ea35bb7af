// The author's own view (GET /v1/stories/{id}/manage and /v1/comments/{id}/manage) through HTTP: status
// after each decision, the reason in plain words for each code, the public version, readers' responses,
// and that a token shows nothing of another item or of a withdrawn or erased one.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

const view = (app: FastifyInstance, id: string, token: string, kind: 'stories' | 'comments' = 'stories') =>
  app.inject({ url: `/v1/${kind}/${id}/manage`, headers: { 'x-manage-token': token } })

/** The wording table of the contract's AuthorReason, code → text. */
function documentedWording (app: FastifyInstance): Map<string, string> {
  const doc = app.contract.document as { components: { schemas: Record<string, { description?: string, enum?: string[] }> } }
  const rows = [...(doc.components.schemas.AuthorReason?.description ?? '').matchAll(/^\| (\w+) \| (.+) \|$/gm)]
  return new Map(rows.filter(([, code]) => code !== 'code').map(([, code, text]) => [code!, text!]))
}

t.test('the author follows their story from pending to approved, removed and back', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const written = 'Five sessions for headaches. Write to me at jo.bloggs@example.org if you want the clinic name.'
  const { id, manageToken } = await submit(app, storiesUrl, { body: written, authorName: 'Jo' })

  const pending = await view(app, id, manageToken)
  t.equal(pending.statusCode, 200)
  t.equal(pending.headers['cache-control'], 'no-store')
  t.equal(pending.headers.etag, '"v1"')
  t.match(pending.json(), { id, kind: 'story', storyId: null, status: 'pending', editable: true, body: written, authorName: 'Jo', reason: null, responses: null })
  t.match(pending.json().publicVersion.body, /\[email removed\]/, 'the public version shows what readers will not see')
  t.notOk('authorEmail' in pending.json())
  const submittedAt = pending.json().statusChangedAt

  t.equal((await decideOn(app, moderator, id, { action: 'approve', contentWarnings: ['trauma_response'] })).statusCode, 200)
  await app.inject({ method: 'POST', url: `/v1/stories/${id}/ratings`, payload: { stars: 4 }, remoteAddress: '192.0.2.80' })
  const approved = (await view(app, id, manageToken)).json()
  t.match(approved, { status: 'approved', editable: false, contentWarnings: ['trauma_response'], reason: null, responses: { commentCount: 0, readerRating: { average: 4, count: 1 } } })
  t.ok(approved.statusChangedAt > submittedAt, 'statusChangedAt moves with the decision')

  await decideOn(app, moderator, id, { action: 'remove', reason: 'identifying_information', note: 'names the clinic owner, see ticket 42' })
  const removed = await view(app, id, manageToken)
  t.match(removed.json(), { status: 'removed', reason: { code: 'identifying_information', text: 'It contains details that could identify you or someone else.' }, responses: null })
  t.notMatch(removed.body, /ticket 42|key:|moderator test key/, 'never the note nor who decided')

  await decideOn(app, moderator, id, { action: 'restore' })
  t.match((await view(app, id, manageToken)).json(), { status: 'approved', reason: null })
})

t.test('the status after every decision a moderator can take', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin') // escalated stories are for admins
  const { id, manageToken } = await submit(app, storiesUrl)
  const steps: Array<[string, Record<string, unknown>, string, boolean]> = [
    ['escalate', { action: 'escalate' }, 'pending', true],
    ['reject', { action: 'reject', reason: 'duplicate' }, 'rejected', false],
    ['restore', { action: 'restore' }, 'pending', true],
    ['approve', { action: 'approve' }, 'approved', false],
    ['remove', { action: 'remove', reason: 'author_request' }, 'removed', false],
    ['restore', { action: 'restore' }, 'approved', false],
  ]
  for (const [name, decision, status, editable] of steps) {
    t.equal((await decideOn(app, admin, id, decision)).statusCode, 200, name)
    t.match((await app.inject({ url: `/v1/stories/${id}/manage`, headers: { 'x-manage-token': manageToken } })).json(), { status, editable }, `after ${name}: ${status}`)
  }
})

t.test('a rejection shows each documented reason code in its documented words', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const wording = documentedWording(app)
  const doc = app.contract.document as { components: { schemas: Record<string, { enum?: string[] }> } }
  const codes = doc.components.schemas.DecisionReason?.enum ?? []
  t.same([...wording.keys()].sort(), [...codes].sort(), 'the contract words every reason code')
  let n = 0
  for (const code of codes) {
    const { id, manageToken } = await submit(app, storiesUrl, { title: `Story ${++n} of the reasons`, body: `Reason test ${code}: ${'sessions helped my sleep '.repeat(n)}` })
    t.equal((await decideOn(app, moderator, id, { action: 'reject', reason: code, note: `private note ${code}` })).statusCode, 200)
    const res = await view(app, id, manageToken)
    t.match(res.json(), { status: 'rejected', editable: false, reason: { code, text: wording.get(code) } }, code)
    t.notMatch(res.body, /private note/)
  }
})

t.test('a moderator\'s redaction shows in the public version; a comment has its own view', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id, manageToken } = await submit(app, storiesUrl, { body: 'Dr Smith at the Bay clinic helped with my back pain a lot.' })
  const read = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })
  await app.inject({ method: 'PATCH', url: `/v1/moderation/stories/${id}`, headers: { ...bearer(moderator), 'if-match': String(read.headers.etag) }, payload: { redactions: [{ field: 'body', start: 0, end: 8 }] } })
  await decideOn(app, moderator, id, { action: 'approve' })
  const own = (await view(app, id, manageToken)).json()
  t.equal(own.body, 'Dr Smith at the Bay clinic helped with my back pain a lot.', 'as written')
  t.same(own.publicVersion, { title: own.title, body: '[redacted] at the Bay clinic helped with my back pain a lot.' })

  const comment = (await app.inject({ method: 'POST', url: `/v1/stories/${id}/comments`, payload: { body: 'Same for me, fewer headaches after a month.', consent: { publish: true } }, remoteAddress: '192.0.2.90' })).json()
  const mine = await view(app, comment.id, comment.manageToken, 'comments')
  t.match(mine.json(), { id: comment.id, kind: 'comment', storyId: id, status: 'pending', title: '', verdict: null, publicVersion: null, responses: null })
  t.equal((await view(app, comment.id, comment.manageToken)).statusCode, 404, 'a comment is not a story')
  t.equal((await view(app, id, manageToken, 'comments')).statusCode, 404, 'nor a story a comment')
  await decideOn(app, moderator, comment.id, { action: 'approve' })
  t.match((await view(app, id, manageToken)).json().responses, { commentCount: 1 })
})

t.test('a token shows nothing of another story; a wrong token is a 403 problem', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const mine = await submit(app, storiesUrl, { title: 'Mine' })
  const theirs = await submit(app, storiesUrl, { title: 'Theirs', body: 'A different story about my neck pain and three sessions.' })
  for (const token of [mine.manageToken, 'mt_guess', theirs.manageToken.slice(0, -1)]) {
    const res = await view(app, theirs.id, token)
    t.equal(res.statusCode, 403)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.equal(res.json().code, 'invalid_manage_token')
    t.notMatch(res.body, /Theirs|neck pain/)
  }
  t.equal((await app.inject({ url: `/v1/stories/${theirs.id}/manage` })).statusCode, 400, 'no token at all is a validation problem')
  t.equal((await view(app, '01900000-0000-7000-8000-000000000000', mine.manageToken)).statusCode, 404)
})

t.test('after withdrawal or erasure the token shows nothing', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const withdrawn = await submit(app, storiesUrl, { title: 'Taken back' })
  const erased = await submit(app, storiesUrl, { title: 'Erased on request', body: 'Please erase this story about my shoulder pain soon.' })
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/stories/${withdrawn.id}`, headers: { 'x-manage-token': withdrawn.manageToken } })).statusCode, 204)
  t.equal((await app.inject({ method: 'POST', url: `/v1/admin/stories/${erased.id}/erase`, headers: bearer(admin) })).statusCode, 204)
  for (const { id, manageToken } of [withdrawn, erased]) {
    const res = await view(app, id, manageToken)
    t.equal(res.statusCode, 404)
    t.equal(res.json().code, 'story_not_found')
    t.equal((await view(app, id, 'mt_wrong')).statusCode, 404, 'the same answer without the token: nothing confirms it existed')
  }
})

t.test('token checks are limited per client, right or wrong; the view is also a read', async (t) => {
  const { app, db } = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_TOKEN_CHECKS_PER_MINUTE: '3' })
  const { storiesUrl } = await siteWithTopic(db)
  const { id, manageToken } = await submit(app, storiesUrl)
  const guess = (token: string, ip = '203.0.113.5') => app.inject({ url: `/v1/stories/${id}/manage`, headers: { 'x-manage-token': token }, remoteAddress: ip })
  for (let i = 0; i < 3; i++) {
    const wrong = await guess(`mt_guess${i}`)
    t.equal(wrong.statusCode, 403)
    t.ok(wrong.headers['ratelimit-remaining'] !== undefined, 'a refused guess says how many are left, as the contract declares')
  }
  const limited = await guess(manageToken)
  t.equal(limited.statusCode, 429, 'over the limit even the right token is refused, so guessing learns nothing')
  t.equal(limited.json().code, 'rate_limited')
  t.ok(Number(limited.headers['retry-after']) > 0)
  t.equal((await guess(manageToken, '203.0.113.6')).statusCode, 200, 'another client is not affected')
  const withdraw = await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': 'mt_x' }, remoteAddress: '203.0.113.5' })
  t.equal(withdraw.statusCode, 429, 'withdrawal attempts count too')

  const reads = await buildTestApp(t, { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_READS_PER_MINUTE: '2' })
  const other = await siteWithTopic(reads.db)
  const story = await submit(reads.app, other.storiesUrl)
  const read = () => reads.app.inject({ url: `/v1/stories/${story.id}/manage`, headers: { 'x-manage-token': story.manageToken }, remoteAddress: '203.0.113.9' })
  const first = await read()
  t.equal(first.statusCode, 200)
  t.ok(first.headers['ratelimit-limit'] !== undefined && first.headers['ratelimit-policy'] !== undefined, 'the view carries the RateLimit headers the contract declares')
  t.same([(await read()).statusCode, (await read()).statusCode], [200, 429])
})
