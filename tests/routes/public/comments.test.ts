// Comments: submitted like stories, moderated in the same queue with the same decisions, audit,
// reports and webhooks; public only once approved; withdrawable; never counted as stories.
import { Webhook } from 'standardwebhooks'
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, decideOn, nextVisitor, siteWithTopic, submit } from '../../helpers/factories.js'
import { receiver, until } from '../../helpers/webhook-receiver.js'

const commentInput = (body: string, extra: Record<string, unknown> = {}) => ({ body, consent: { publish: true }, ...extra })

async function approvedStory (t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const { app, db } = await buildTestApp(t, env)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id: storyId } = await submit(app, storiesUrl)
  await decideOn(app, moderator, storyId, { action: 'approve' })
  const comment = async (body: string, extra: Record<string, unknown> = {}) => {
    const res = await app.inject({ method: 'POST', url: `/v1/stories/${storyId}/comments`, payload: commentInput(body, extra), remoteAddress: nextVisitor() })
    if (res.statusCode !== 201) throw new Error(`comment failed: ${res.statusCode} ${res.body}`)
    return res.json<{ id: string, manageToken: string, support?: unknown }>()
  }
  const publicComments = async () => (await app.inject({ url: `/v1/stories/${storyId}/comments` })).json().items.map((c: { id: string }) => c.id)
  const commentCount = async () => (await app.inject({ url: `/v1/stories/${storyId}` })).json().commentCount
  return { app, db, site, storiesUrl, moderator, storyId, comment, publicComments, commentCount }
}

t.test('pending and rejected comments never show or count; approved ones do, oldest first', async (t) => {
  const { app, db, storiesUrl, moderator, storyId, comment, publicComments, commentCount } = await approvedStory(t)
  const first = await comment('Same for me, it helped my shoulders.', { authorName: 'Ana', authorEmail: 'ana@example.org' })
  t.match(first, { status: 'pending', manageToken: /^mt_/ })
  const second = await comment('Mine did nothing at all, sadly.')
  const rejected = await comment('Visit my shop for cheap cures!!!')
  t.same(await publicComments(), [], 'nothing is public while pending')
  t.equal(await commentCount(), 0)

  await decideOn(app, moderator, second.id, { action: 'approve' })
  await decideOn(app, moderator, first.id, { action: 'approve' })
  await decideOn(app, moderator, rejected.id, { action: 'reject', reason: 'advertising' })
  const page = (await app.inject({ url: `/v1/stories/${storyId}/comments` })).json()
  t.same(page.items.map((c: { id: string }) => c.id), [second.id, first.id], 'oldest approval first')
  t.match(page.items[1], { storyId, body: 'Same for me, it helped my shoulders.', authorName: 'Ana' })
  t.notMatch(JSON.stringify(page), /ana@example/, 'the email is never public')
  t.equal(await commentCount(), 2)
  t.equal((await app.inject({ url: storiesUrl })).json().items[0].commentCount, 2, 'list items carry the count')

  const paged = await app.inject({ url: `/v1/stories/${storyId}/comments?limit=1` })
  t.match(String(paged.headers.link), /rel="next"/)
  const next = await app.inject({ url: `/v1/stories/${storyId}/comments?limit=1&cursor=${paged.json().nextCursor}` })
  t.same(next.json().items.map((c: { id: string }) => c.id), [first.id])

  t.equal((await app.inject({ url: `/v1/stories/${first.id}` })).statusCode, 404, 'a comment is not a story')
  t.same((await app.inject({ url: storiesUrl })).json().items.map((s: { id: string }) => s.id), [storyId], 'nor listed as one')
  const tally = (await app.inject({ url: storiesUrl.replace(/stories$/, 'ratings') })).json()
  t.equal(tally.total, 1, 'comments do not count in the topic tally')
  const research = await db.$queryRaw<Array<{ n: number }>>`SELECT sum(count)::int AS n FROM research_counts`
  t.equal(research[0]!.n, 1, 'nor in research counts')
})

t.test('comments only on public stories; bad input is a problem and stores nothing', async (t) => {
  const { app, db, storiesUrl, storyId } = await approvedStory(t)
  const pending = (await submit(app, storiesUrl)).id
  const post = (id: string, payload: unknown) => app.inject({ method: 'POST', url: `/v1/stories/${id}/comments`, payload: payload as object, remoteAddress: nextVisitor() })
  t.equal((await post(pending, commentInput('Hello there'))).statusCode, 404)
  for (const bad of [commentInput(''), commentInput('x'.repeat(5001)), { body: 'No consent here' }, commentInput('Fine', { verdict: 'effective' })]) {
    const res = await post(storyId, bad)
    t.equal(res.statusCode, 400)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
  }
  t.equal(await db.story.count({ where: { parentId: { not: null } } }), 0)
})

t.test('a harmful comment reaches the front of the queue with its evidence, and its author gets support', async (t) => {
  const env = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '200' }
  const { app, db, site, moderator, storyId, comment } = await approvedStory(t, env)
  await app.ready()
  const admin = await apiKey(db, 'admin')
  const hook = await receiver(t)
  const created = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: hook.url, events: ['comment.triaged.critical'] } })
  const { secret } = created.json()

  await comment('Lovely to read, thank you.')
  const harmful = await comment('This happened to me too, I had flashbacks for weeks and now I want to die.')
  t.ok(harmful.support, 'the author is not met with silence')

  const [first] = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items
  t.match(first, { id: harmful.id, kind: 'comment', storyId, title: 'Gentle and it helped', triage: { level: 'critical' } })
  t.ok(first.triage.categories.includes('self_harm'))
  const view = (await app.inject({ url: `/v1/moderation/stories/${harmful.id}`, headers: bearer(moderator) })).json()
  t.match(view, { kind: 'comment', storyId, title: '', triage: { level: 'critical' } })
  const phrases = view.triage.evidence.map((e: { phrase: string }) => e.phrase.toLowerCase())
  t.ok(phrases.some((p: string) => p.includes('want to die')), `evidence quotes the words: ${phrases.join(', ')}`)
  const comments = (await app.inject({ url: '/v1/moderation/queue?kind=comment', headers: bearer(moderator) })).json().items
  t.equal(comments.length, 2, 'the queue can show comments only')
  t.same((await app.inject({ url: '/v1/moderation/queue?kind=story', headers: bearer(moderator) })).json().items, [])

  const delivery = await until(() => hook.received[0])
  const payload = new Webhook(secret).verify(delivery.body, delivery.headers)
  t.match(payload, { type: 'comment.triaged.critical', data: { kind: 'comment', commentId: harmful.id, storyId, level: 'critical' } })
  t.notMatch(delivery.body, /flashbacks/, 'no text leaves in a webhook')
})

t.test('one workflow: claims, decisions with If-Match, history and harm reports work on comments', async (t) => {
  const { app, moderator, storyId, comment, publicComments } = await approvedStory(t)
  const { id } = await comment('It helped me sleep better too.')

  t.equal((await app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/claim`, headers: bearer(moderator) })).statusCode, 200)
  const noIfMatch = await app.inject({ method: 'POST', url: `/v1/moderation/stories/${id}/decision`, headers: bearer(moderator), payload: { action: 'approve' } })
  t.equal(noIfMatch.statusCode, 428)
  t.equal((await decideOn(app, moderator, id, { action: 'approve' })).statusCode, 200)
  t.same(await publicComments(), [id])

  const report = await app.inject({ method: 'POST', url: `/v1/comments/${id}/reports`, payload: { reason: 'harm' }, remoteAddress: '203.0.113.9' })
  t.equal(report.statusCode, 202)
  const [item] = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items
  t.match(item, { id, kind: 'comment', storyId, flagged: true, triage: { level: 'high' }, reports: { harm: 1 } })
  t.equal((await app.inject({ method: 'POST', url: `/v1/comments/${storyId}/reports`, payload: { reason: 'harm' } })).statusCode, 404, 'a story id is not a comment')

  await decideOn(app, moderator, id, { action: 'remove', reason: 'harmful_content' })
  t.same(await publicComments(), [])
  const history = (await app.inject({ url: `/v1/moderation/stories/${id}/history`, headers: bearer(moderator) })).json().items
  t.same(history.map((e: { action: string }) => e.action), ['submitted', 'claimed', 'approve', 'reported', 'triage_raised', 'remove'])
})

t.test('the author withdraws a comment with its manage token: gone from the list and the count, text erased', async (t) => {
  const { app, db, moderator, storyId, comment, publicComments, commentCount } = await approvedStory(t)
  const { id, manageToken } = await comment('Thank you for sharing, it gave me hope.', { authorName: 'Sam' })
  await decideOn(app, moderator, id, { action: 'approve' })
  t.equal(await commentCount(), 1)

  const withdraw = (cid: string, token: string) => app.inject({ method: 'DELETE', url: `/v1/comments/${cid}`, headers: { 'x-manage-token': token } })
  t.equal((await withdraw(id, 'mt_wrong')).statusCode, 403)
  t.equal((await withdraw(storyId, manageToken)).statusCode, 404, 'a story cannot be withdrawn as a comment')
  t.equal((await withdraw(id, manageToken)).statusCode, 204)
  t.equal((await withdraw(id, manageToken)).statusCode, 409, 'only once')
  t.same(await publicComments(), [])
  t.equal(await commentCount(), 0)
  const stored = await db.story.findUniqueOrThrow({ where: { id } })
  t.match(stored, { status: 'withdrawn', body: '', authorName: null })
})
