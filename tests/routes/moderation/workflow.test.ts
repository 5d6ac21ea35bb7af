// Escalation, restore, reasons, content warnings and redactions of the public text.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

t.test('escalated stories leave the normal queue view and are decided by an admin; moderators see them and comment', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const admin = await apiKey(db, 'admin')
  const { id } = await submit(app, storiesUrl)
  const escalated = await decideOn(app, moderator, id, { action: 'escalate', note: 'legal question' })
  t.equal(escalated.statusCode, 200)
  t.match(escalated.json(), { status: 'pending', escalated: true })
  t.same((await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items, [])
  const asked = (await app.inject({ url: '/v1/moderation/queue?escalated=true', headers: bearer(admin) })).json().items
  t.same(asked.map((i: { id: string }) => i.id), [id])
  t.equal((await decideOn(app, admin, id, { action: 'escalate' })).statusCode, 409, 'not twice')
  t.same((await app.inject({ url: '/v1/moderation/queue?escalated=true', headers: bearer(moderator) })).json().items.map((i: { id: string }) => i.id), [id], 'moderators still see it')
  for (const action of ['approve', 'reject'] as const) {
    const refused = await decideOn(app, moderator, id, { action, reason: 'spam' })
    t.equal(refused.statusCode, 403, `a moderator cannot ${action} it: an admin decides`)
    t.equal(refused.json().code, 'escalated_to_admins')
  }
  t.match((await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })).json(), { status: 'pending', escalated: true }, 'unchanged')
  const read = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })
  const comment = await app.inject({ method: 'PATCH', url: `/v1/moderation/stories/${id}`, headers: { ...bearer(moderator), 'if-match': String(read.headers.etag) }, payload: { note: 'I know the clinic; the claim is plausible' } })
  t.equal(comment.statusCode, 200, 'but may comment on it')
  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(admin) })).json().items
  t.match(history.at(-1), { action: 'edited', note: 'I know the clinic; the claim is plausible' })
  t.match((await decideOn(app, admin, id, { action: 'approve' })).json(), { status: 'approved', escalated: false })
})

t.test('reject and remove need a reason from the documented set; restore undoes them', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const a = (await submit(app, storiesUrl)).id
  const noReason = await decideOn(app, moderator, a, { action: 'reject' })
  t.equal(noReason.statusCode, 400)
  t.equal(noReason.json().errors[0].pointer, '/body/reason')
  t.equal((await decideOn(app, moderator, a, { action: 'reject', reason: 'because' })).statusCode, 400, 'free text goes in note, not reason')
  t.equal((await decideOn(app, moderator, a, { action: 'reject', reason: 'off_topic', note: 'about a different clinic' })).json().status, 'rejected')
  t.equal((await decideOn(app, moderator, a, { action: 'restore' })).json().status, 'pending', 'a rejected story goes back to the queue')

  t.equal((await decideOn(app, moderator, a, { action: 'approve' })).json().status, 'approved')
  t.equal((await decideOn(app, moderator, a, { action: 'remove', reason: 'identifying_information' })).json().status, 'removed')
  const restored = await decideOn(app, moderator, a, { action: 'restore' })
  t.equal(restored.json().status, 'approved')
  t.equal((await app.inject({ url: `/v1/stories/${a}` })).statusCode, 200, 'and is public again')
})

t.test('content warnings and redactions change the public text, never the original', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const body = 'Dr Smith at the Elm Street clinic held my head and I had a flashback to the crash.'
  const { id } = await submit(app, storiesUrl, { body })
  await decideOn(app, moderator, id, { action: 'approve' })
  const read = await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(moderator) })
  const start = body.indexOf('Dr Smith')
  const edited = await app.inject({
    method: 'PATCH',
    url: `/v1/moderation/stories/${id}`,
    headers: { ...bearer(moderator), 'if-match': String(read.headers.etag) },
    payload: { redactions: [{ field: 'body', start, end: start + 'Dr Smith at the Elm Street clinic'.length }], contentWarnings: ['trauma_response', 'medical_detail'] },
  })
  t.equal(edited.statusCode, 200)
  t.equal(edited.json().body, body, 'moderators keep the original')
  t.equal(edited.json().publicBody, '[redacted] held my head and I had a flashback to the crash.')
  const shown = (await app.inject({ url: `/v1/stories/${id}` })).json()
  t.equal(shown.body, '[redacted] held my head and I had a flashback to the crash.')
  t.same(shown.contentWarnings, ['trauma_response', 'medical_detail'])

  const outside = await app.inject({
    method: 'PATCH',
    url: `/v1/moderation/stories/${id}`,
    headers: { ...bearer(moderator), 'if-match': String(edited.headers.etag) },
    payload: { redactions: [{ field: 'title', start: 0, end: 10_000 }] },
  })
  t.equal(outside.statusCode, 400, 'a span outside the text is refused')
  const stale = await app.inject({
    method: 'PATCH',
    url: `/v1/moderation/stories/${id}`,
    headers: { ...bearer(moderator), 'if-match': String(read.headers.etag) },
    payload: { contentWarnings: [] },
  })
  t.equal(stale.statusCode, 412)
})
