// An author's edit while pending (PATCH /v1/stories/{id}/manage, /v1/comments/{id}/manage) through HTTP:
// If-Match, re-triage that keeps the queue place or raises it (with support), and refusal after a decision.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, submit } from '../../helpers/factories.js'

const selfHarm = 'Since the sessions stopped helping I have been thinking about ending my life most nights.'
const calm = { title: 'Relaxing', body: 'Gentle sessions, I nearly fell asleep, and my headaches are less frequent now.' }
const flashback = { title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking for an hour.' }

function author (app: FastifyInstance, kind: 'stories' | 'comments', id: string, token: string) {
  const url = `/v1/${kind}/${id}/manage`
  return {
    view: () => app.inject({ url, headers: { 'x-manage-token': token } }),
    edit: (payload: unknown, ifMatch?: string) => app.inject({ method: 'PATCH', url, payload: payload as object, headers: { 'x-manage-token': token, ...(ifMatch ? { 'if-match': ifMatch } : {}) } }),
  }
}

const queueIds = async (app: FastifyInstance, key: string) =>
  (await app.inject({ url: '/v1/moderation/queue', headers: bearer(key) })).json().items.map((i: { id: string }) => i.id) as string[]

t.test('a pending story is edited with If-Match and keeps its place in the queue', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const first = await submit(app, storiesUrl, calm)
  const mine = await submit(app, storiesUrl, { title: 'Typo in the titel', body: 'Three sessions for my neck and it is a bit better now.' })
  const last = await submit(app, storiesUrl, { title: 'Later one', body: 'Another normal story about my shoulder after two sessions.' })
  const me = author(app, 'stories', mine.id, mine.manageToken)
  const etag = String((await me.view()).headers.etag)

  const missing = await me.edit({ title: 'Typo fixed' })
  t.equal(missing.statusCode, 428)
  t.equal(missing.json().code, 'precondition_required')
  const edited = await me.edit({ title: 'Typo in the title', verdict: 'ineffective' }, etag)
  t.equal(edited.statusCode, 200)
  t.match(edited.json(), { title: 'Typo in the title', verdict: 'ineffective', body: 'Three sessions for my neck and it is a bit better now.', status: 'pending', editable: true })
  t.notOk('support' in edited.json())
  t.not(edited.headers.etag, etag, 'a new ETag')
  const stale = await me.edit({ title: 'Another try' }, etag)
  t.equal(stale.statusCode, 412)
  t.equal(stale.json().code, 'precondition_failed')
  t.equal((await me.view()).json().title, 'Typo in the title', 'the stale edit changed nothing')

  t.same(await queueIds(app, moderator), [first.id, mine.id, last.id], 'same place in the queue')
  const history = (await app.inject({ url: `/v1/moderation/stories/${mine.id}/history`, headers: bearer(moderator) })).json().items
  t.match(history.at(-1), { actor: 'author', action: 'edited', reason: 'title, verdict' })

  const bad = await me.edit({ body: 'short', unknown: 1 }, String(edited.headers.etag))
  t.equal(bad.statusCode, 400)
  t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.equal((await me.view()).json().body, 'Three sessions for my neck and it is a bit better now.', 'bad input changes nothing')
  t.equal((await me.edit({}, String(edited.headers.etag))).statusCode, 400, 'an empty edit is refused')
  t.equal((await author(app, 'stories', mine.id, first.manageToken).edit({ title: 'Not mine' }, String(edited.headers.etag))).statusCode, 403, 'another story\'s token edits nothing')
})

t.test('an edit is triaged again: self-harm raises it to critical with support; removing harm does not lower it', async (t) => {
  const { app, db } = await buildTestApp(t, { WEBHOOK_ALLOW_PRIVATE: 'true' })
  const { storiesUrl, site } = await siteWithTopic(db)
  await db.site.update({ where: { id: site.id }, data: { settings: { crisisResources: [{ name: 'Samaritans', contact: '116 123' }] } } })
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const admin = await apiKey(db, 'admin')
  const hook = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: 'http://127.0.0.1:9/hook', events: ['story.triaged.critical'] } })
  t.equal(hook.statusCode, 201)
  const older = await submit(app, storiesUrl, flashback)
  const mine = await submit(app, storiesUrl, calm)
  t.same(await queueIds(app, moderator), [older.id, mine.id], 'high before normal')
  const me = author(app, 'stories', mine.id, mine.manageToken)

  const raised = await me.edit({ body: selfHarm }, String((await me.view()).headers.etag))
  t.equal(raised.statusCode, 200)
  t.match(raised.json().support, { message: /not have to face it alone/, resources: [{ name: 'Samaritans', contact: '116 123' }] })
  const triage = (await app.inject({ url: `/v1/moderation/stories/${mine.id}`, headers: bearer(moderator) })).json().triage
  t.equal(triage.level, 'critical')
  t.ok(triage.categories.includes('self_harm'))
  t.equal(triage.evidence[0].field, 'body')
  t.same(await queueIds(app, moderator), [mine.id, older.id], 'raised to the front')
  const alerts = await db.webhookDelivery.findMany({ where: { event: 'story.triaged.critical' } })
  t.equal(alerts.length, 1, 'moderators are alerted as for a critical submission')
  t.match(alerts[0]?.payload, { data: { storyId: mine.id, level: 'critical' } })

  const calmed = await me.edit({ body: calm.body }, String(raised.headers.etag))
  t.equal(calmed.statusCode, 200)
  t.notOk('support' in calmed.json())
  const after = (await app.inject({ url: `/v1/moderation/stories/${mine.id}`, headers: bearer(moderator) })).json().triage
  t.equal(after.level, 'critical', 'an edit never lowers the level')
})

t.test('after a decision an edit is refused with a problem that says why', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const cases = [
    { decisions: [{ action: 'approve' }], why: /approved it and it is published/ },
    { decisions: [{ action: 'reject', reason: 'off_topic' }], why: /decided not to publish it/ },
    { decisions: [{ action: 'approve' }, { action: 'remove', reason: 'harmful_content' }], why: /taken it down/ },
  ]
  let n = 0
  for (const { decisions, why } of cases) {
    const { id, manageToken } = await submit(app, storiesUrl, { title: `Decided ${++n}`, body: `Story ${n} about my jaw pain, which eased after the sessions.` })
    const me = author(app, 'stories', id, manageToken)
    for (const decision of decisions) t.equal((await decideOn(app, moderator, id, decision)).statusCode, 200)
    const res = await me.edit({ title: 'Too late' }, String((await me.view()).headers.etag))
    t.equal(res.statusCode, 409)
    t.equal(res.json().code, 'edit_closed')
    t.match(res.json().detail, why)
    t.match(res.json().detail, /You can still withdraw it/)
    t.equal((await me.view()).json().title, `Decided ${n}`, 'nothing changed')
  }
})

t.test('a pending comment\'s body can be edited; withdrawn items cannot', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const story = await submit(app, storiesUrl)
  await decideOn(app, moderator, story.id, { action: 'approve' })
  const comment = (await app.inject({ method: 'POST', url: `/v1/stories/${story.id}/comments`, payload: { body: 'Same for me, fewer hedaches.', consent: { publish: true } }, remoteAddress: '192.0.2.91' })).json()
  const me = author(app, 'comments', comment.id, comment.manageToken)
  const edited = await me.edit({ body: 'Same for me, fewer headaches.' }, String((await me.view()).headers.etag))
  t.equal(edited.statusCode, 200)
  t.match(edited.json(), { kind: 'comment', body: 'Same for me, fewer headaches.', status: 'pending' })
  t.equal((await me.edit({ title: 'Comments have none' }, String(edited.headers.etag))).statusCode, 400)

  await app.inject({ method: 'DELETE', url: `/v1/comments/${comment.id}`, headers: { 'x-manage-token': comment.manageToken } })
  t.equal((await me.edit({ body: 'After withdrawal' }, '*')).statusCode, 404)
})
