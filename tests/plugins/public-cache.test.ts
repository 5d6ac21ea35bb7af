// The per-instance cache of public reads: ETags and 304s, changes through this instance at once,
// changes made elsewhere within PUBLIC_CACHE_MS, and off when it is 0.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, decideOn, siteWithTopic, submit } from '../helpers/factories.js'

async function withApprovedStory (t: Parameters<typeof buildTestApp>[0], env: Record<string, string> = {}) {
  const { app, db } = await buildTestApp(t, env)
  const { storiesUrl, site } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const { id } = await submit(app, storiesUrl)
  await decideOn(app, moderator, id, { action: 'approve' })
  const titles = async (url = storiesUrl) => (await app.inject({ url })).json().items.map((s: { title: string }) => s.title)
  return { app, db, storiesUrl, moderator, id, titles }
}

t.test('public reads carry an ETag; If-None-Match answers 304 with no body', async (t) => {
  const { app, storiesUrl, id } = await withApprovedStory(t)
  for (const url of [storiesUrl, `/v1/stories/${id}`, `/v1/stories/${id}/comments`]) {
    const first = await app.inject({ url })
    const etag = String(first.headers.etag)
    t.match(etag, /^"[\w-]+"$/, `${url} has an ETag`)
    t.equal(String((await app.inject({ url })).headers.etag), etag, 'the same while unchanged')
    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    t.equal(again.statusCode, 304)
    t.equal(again.body, '')
  }
})

t.test('a decision through this instance shows at once; a change made elsewhere within the cache time', async (t) => {
  const { app, db, storiesUrl, moderator, id, titles } = await withApprovedStory(t)
  t.same(await titles(), ['Gentle and it helped'])
  const { id: second } = await submit(app, storiesUrl, { title: 'Second one' })
  await decideOn(app, moderator, second, { action: 'approve' })
  t.same(await titles(), ['Second one', 'Gentle and it helped'], 'the approval shows at once')

  await db.story.update({ where: { id }, data: { title: 'Changed by another instance' } })
  t.same(await titles(), ['Second one', 'Gentle and it helped'], 'not yet: this instance rendered it under a second ago')
  await new Promise((resolve) => setTimeout(resolve, 1100))
  t.same(await titles(), ['Second one', 'Changed by another instance'], 'after PUBLIC_CACHE_MS it does')
})

t.test('PUBLIC_CACHE_MS=0 renders every read', async (t) => {
  const { db, id, titles } = await withApprovedStory(t, { PUBLIC_CACHE_MS: '0' })
  t.same(await titles(), ['Gentle and it helped'])
  await db.story.update({ where: { id }, data: { title: 'Changed at once' } })
  t.same(await titles(), ['Changed at once'])
})

t.test('query parameters the contract does not declare cannot bypass the cache', async (t) => {
  const { db, id, storiesUrl, titles } = await withApprovedStory(t, { PUBLIC_CACHE_MS: '60000' })
  t.same(await titles(), ['Gentle and it helped'])
  await db.story.update({ where: { id }, data: { title: 'Changed by another instance' } })
  for (const junk of ['x=1', 'cachebuster=8f3a', 'x=1&y=2', '__proto__=1']) {
    t.same(await titles(`${storiesUrl}?${junk}`), ['Gentle and it helped'], `?${junk} is answered from the cache`)
  }
  t.same(await titles(`${storiesUrl}?limit=20&x=1`), await titles(`${storiesUrl}?x=2&limit=20`), 'the order and junk do not matter')
  t.same(await titles(`${storiesUrl}?limit=5`), ['Changed by another instance'], 'a declared parameter is a different page')
})
