// Public story routes through HTTP: submit, pending stays private, approved is listed, paging, withdrawal.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, decideOn, siteWithTopic, storyInput, submit } from '../../helpers/factories.js'

t.test('a submitted story is pending, private, and public once approved', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])

  const res = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ authorName: 'Ana', authorEmail: 'ana@example.org' }) })
  t.equal(res.statusCode, 201)
  const receipt = res.json()
  t.equal(receipt.status, 'pending')
  t.match(receipt.manageToken, /^mt_[\w-]{40,}$/)
  t.equal(res.headers.location, `/v1/stories/${receipt.id}`)

  t.same((await app.inject({ url: storiesUrl })).json().items, [], 'a pending story is not listed')
  t.equal((await app.inject({ url: `/v1/stories/${receipt.id}` })).statusCode, 404, 'nor readable by id')

  t.equal((await decideOn(app, moderator, receipt.id, { action: 'approve' })).statusCode, 200)
  const listed = (await app.inject({ url: storiesUrl })).json().items
  t.equal(listed.length, 1)
  t.equal(listed[0].id, receipt.id)
  t.equal(listed[0].authorName, 'Ana')
  t.notOk('authorEmail' in listed[0], 'the author email is never public')
  const one = await app.inject({ url: `/v1/stories/${receipt.id}` })
  t.equal(one.statusCode, 200)
  t.equal(one.json().title, 'Gentle and it helped')
})

t.test('rejected stories never appear', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  t.equal((await decideOn(app, moderator, id, { action: 'reject', reason: 'spam' })).statusCode, 200)
  t.same((await app.inject({ url: storiesUrl })).json().items, [])
  t.equal((await app.inject({ url: `/v1/stories/${id}` })).statusCode, 404)
})

t.test('public text has contact details masked; the original is kept for moderators', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const body = 'Call me on +44 7700 900123 or write to jo.bloggs@example.org if you want the clinic name.'
  const { id } = await submit(app, storiesUrl, { body })
  await decideOn(app, moderator, id, { action: 'approve' })
  const shown = (await app.inject({ url: `/v1/stories/${id}` })).json().body
  t.notMatch(shown, /7700|jo\.bloggs/)
  t.match(shown, /\[phone removed\].*\[email removed\]/)
  const original = (await app.inject({ url: `/v1/moderation/stories/${id}`, headers: { authorization: `Bearer ${moderator}` } })).json().body
  t.equal(original, body)
})

t.test('stories page newest first by cursor, with a Link header and a verdict filter', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const ids: string[] = []
  for (let i = 0; i < 5; i++) {
    const { id } = await submit(app, storiesUrl, { title: `Story number ${i}`, verdict: i % 2 === 0 ? 'effective' : 'ineffective' })
    await decideOn(app, moderator, id, { action: 'approve' })
    ids.push(id)
  }
  const first = await app.inject({ url: `${storiesUrl}?limit=2` })
  t.same(first.json().items.map((s: { id: string }) => s.id), [ids[4], ids[3]])
  t.match(first.headers.link, /rel="next"/)
  const second = (await app.inject({ url: `${storiesUrl}?limit=2&cursor=${first.json().nextCursor}` })).json()
  t.same(second.items.map((s: { id: string }) => s.id), [ids[2], ids[1]])
  const last = (await app.inject({ url: `${storiesUrl}?limit=2&cursor=${second.nextCursor}` })).json()
  t.same(last.items.map((s: { id: string }) => s.id), [ids[0]])
  t.equal(last.nextCursor, null)

  const effective = (await app.inject({ url: `${storiesUrl}?verdict=effective` })).json().items
  t.same(effective.map((s: { id: string }) => s.id), [ids[4], ids[2], ids[0]])

  const bad = await app.inject({ url: `${storiesUrl}?cursor=not-a-cursor` })
  t.equal(bad.statusCode, 400)
  t.equal(bad.json().code, 'invalid_cursor')
})

t.test('an unknown site or topic is a 404 problem', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site } = await siteWithTopic(db)
  const noSite = await app.inject({ url: '/v1/sites/nowhere/topics/x/stories' })
  t.equal(noSite.statusCode, 404)
  t.equal(noSite.json().code, 'site_not_found')
  const noTopic = await app.inject({ method: 'POST', url: `/v1/sites/${site.slug}/topics/nothing/stories`, payload: storyInput() })
  t.equal(noTopic.statusCode, 404)
  t.equal(noTopic.json().code, 'topic_not_found')
  t.equal(await db.story.count(), 0)
})

t.test('the author withdraws with the manage token; text and email are erased', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id, manageToken } = await submit(app, storiesUrl, { authorEmail: 'me@example.org' })
  await decideOn(app, moderator, id, { action: 'approve' })

  const wrong = await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': 'mt_wrong' } })
  t.equal(wrong.statusCode, 403)
  t.equal((await app.inject({ url: `/v1/stories/${id}` })).statusCode, 200, 'a wrong token changes nothing')

  const ok = await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': manageToken } })
  t.equal(ok.statusCode, 204)
  t.equal((await app.inject({ url: `/v1/stories/${id}` })).statusCode, 404)
  t.same((await app.inject({ url: storiesUrl })).json().items, [])
  const row = await db.story.findUniqueOrThrow({ where: { id } })
  t.same([row.status, row.title, row.body, row.authorEmail], ['withdrawn', '', '', null])
  const again = await app.inject({ method: 'DELETE', url: `/v1/stories/${id}`, headers: { 'x-manage-token': manageToken } })
  t.equal(again.statusCode, 409)
})

t.test('an author who writes about self-harm is answered with support and crisis resources', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl, site } = await siteWithTopic(db)
  await db.site.update({ where: { id: site.id }, data: { settings: { crisisResources: [{ name: 'Samaritans', contact: '116 123' }] } } })
  const res = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title: 'Dark weeks', body: 'After the session I had thoughts of ending my life for two weeks.' }) })
  t.equal(res.statusCode, 201)
  t.match(res.json().support, { message: /not have to face it alone/, resources: [{ name: 'Samaritans', contact: '116 123' }] })
  const calm = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput() })
  t.notOk('support' in calm.json(), 'other stories get no support block')
})
