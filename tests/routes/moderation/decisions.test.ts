// Decisions: If-Match (428/412), allowed transitions, content warnings, and the audit trail.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

t.test('a moderator reads the story with its triage and ETag, and approves with If-Match', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl, {
    title: 'Flashbacks on the table',
    body: 'I had a flashback to the car crash and was shaking.',
    authorEmail: 'private@example.org',
    consent: { publish: true, research: true },
  })
  const read = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })
  t.equal(read.statusCode, 200)
  t.equal(read.headers.etag, '"v1"')
  const story = read.json()
  t.match(story, { status: 'pending', authorEmail: 'private@example.org', consent: { publish: true, research: true }, version: 1 })
  t.equal(story.triage.level, 'high')
  t.same(story.triage.categories, ['trauma_response'])
  const evidence = story.triage.evidence[0]
  t.equal(story[evidence.field].slice(evidence.start, evidence.end), evidence.phrase, 'evidence points at the text')

  const decided = await app.inject({
    method: 'POST',
    url: `/v1/moderation/stories/${id}/decision`,
    headers: { ...bearer(moderator), 'if-match': '"v1"' },
    payload: { action: 'approve', note: 'checked with the author' },
  })
  t.equal(decided.statusCode, 200)
  t.equal(decided.headers.etag, '"v2"')
  t.match(decided.json(), { status: 'approved', version: 2, contentWarnings: ['trauma_response'] })
  t.ok(decided.json().publishedAt)
})

t.test('If-Match is required (428) and must be current (412); nothing changes otherwise', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  const url = `/v1/moderation/stories/${id}/decision`

  const missing = await app.inject({ method: 'POST', url, headers: bearer(moderator), payload: { action: 'approve' } })
  t.equal(missing.statusCode, 428)
  t.equal(missing.json().code, 'precondition_required')

  const stale = await app.inject({ method: 'POST', url, headers: { ...bearer(moderator), 'if-match': '"v7"' }, payload: { action: 'approve' } })
  t.equal(stale.statusCode, 412)
  t.equal((await db.story.findUniqueOrThrow({ where: { id } })).status, 'pending')
  t.equal(await db.auditEvent.count({ where: { storyId: id } }), 1, 'only the submission is on record')
})

t.test('two moderators racing with the same ETag: one wins, the other gets 412', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const one = await apiKey(db, 'moderator', [site.slug])
  const two = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  const decide = (key: string, action: string) => app.inject({
    method: 'POST',
    url: `/v1/moderation/stories/${id}/decision`,
    headers: { ...bearer(key), 'if-match': '"v1"' },
    payload: { action, reason: 'spam' },
  })
  const results = await Promise.all([decide(one, 'approve'), decide(two, 'reject')])
  t.same(results.map((r) => r.statusCode).sort(), [200, 412])
  const decisions = await db.auditEvent.findMany({ where: { storyId: id, action: { in: ['approve', 'reject'] } } })
  t.equal(decisions.length, 1, 'exactly one decision is on record')
})

t.test('only allowed transitions; remove takes an approved story down', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  const early = await decideOn(app, moderator, id, { action: 'remove' })
  t.equal(early.statusCode, 409)
  t.equal(early.json().code, 'invalid_transition')
  t.equal((await decideOn(app, moderator, id, { action: 'approve', contentWarnings: ['grief'] })).json().contentWarnings[0], 'grief')
  t.equal((await decideOn(app, moderator, id, { action: 'approve' })).statusCode, 409, 'cannot approve twice')
  t.equal((await decideOn(app, moderator, id, { action: 'remove', reason: 'author_request' })).json().status, 'removed')
  t.equal((await app.inject({ url: `/v1/stories/${id}` })).statusCode, 404)
})

t.test('bad decisions are 400 problems and change nothing', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  for (const payload of [{ action: 'publish' }, { action: 'approve', extra: 1 }, { action: 'approve', contentWarnings: ['<b>'] }, {}]) {
    const res = await decideOn(app, moderator, id, payload)
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.ok(res.json().errors.length > 0)
  }
  t.equal((await db.story.findUniqueOrThrow({ where: { id } })).version, 1)
})

t.test('the history is the append-only audit trail of every change', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve', note: 'fine' })
  await decideOn(app, moderator, id, { action: 'remove', reason: 'identifying_information' })
  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(moderator) })).json().items
  t.match(history, [
    { actor: 'author', action: 'submitted', fromStatus: null, toStatus: 'pending' },
    { actor: /^key:/, action: 'approve', fromStatus: 'pending', toStatus: 'approved', note: 'fine' },
    { actor: /^key:/, action: 'remove', fromStatus: 'approved', toStatus: 'removed', reason: 'identifying_information' },
  ])
  await t.rejects(db.auditEvent.updateMany({ data: { reason: 'rewritten' } }), 'the database refuses to rewrite history')
  await t.rejects(db.auditEvent.deleteMany({}), 'or to delete it')
  t.equal(await db.auditEvent.count({ where: { storyId: id } }), 3)
})

t.test('triage check stores nothing', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const res = await app.inject({
    method: 'POST',
    url: '/v1/moderation/triage',
    headers: bearer(moderator),
    payload: { title: 'Everything came back', body: 'For two weeks I had thoughts of ending my life.' },
  })
  t.equal(res.statusCode, 200)
  t.equal(res.json().level, 'critical')
  t.equal(await db.story.count(), 0)
})
