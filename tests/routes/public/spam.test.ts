// Spam: honeypot and too-fast forms are answered normally but never stored; near-duplicates refused.
import t from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import { siteWithTopic, storyInput } from '../../helpers/factories.js'

t.test('a filled honeypot or a 1-second form looks accepted, is not stored, and is counted', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  for (const bait of [{ website: 'http://cheap-pills.example' }, { fillMs: 900 }]) {
    const res = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput(bait) })
    t.equal(res.statusCode, 201, JSON.stringify(bait))
    t.match(res.json(), { id: /^[0-9a-f-]{36}$/, status: 'pending', manageToken: /^mt_/ })
  }
  t.equal(await db.story.count(), 0, 'nothing stored')
  const metrics = (await app.inject({ url: '/metrics' })).body
  t.match(metrics, /candor_spam_submissions_total\{reason="honeypot"\} 1/)
  t.match(metrics, /candor_spam_submissions_total\{reason="too_fast"\} 1/)
  const human = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ website: '', fillMs: 45_000 }) })
  t.equal(human.statusCode, 201)
  t.equal(await db.story.count(), 1, 'a real person with an empty honeypot is stored')
})

t.test('a near-identical story from the same client within a day is refused', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { storiesUrl } = await siteWithTopic(db)
  const body = 'I went to five sessions for my tension headaches and they are much less frequent now, which surprised me.'
  const post = (text: string, ip: string) => app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ body: text }), remoteAddress: ip })
  t.equal((await post(body, '192.0.2.50')).statusCode, 201)
  const again = await post(body.replace('five', 'five!').toUpperCase(), '192.0.2.50')
  t.equal(again.statusCode, 409)
  t.equal(again.json().code, 'duplicate_submission')
  t.equal((await post(body, '192.0.2.51')).statusCode, 201, 'someone else may tell the same story')
  t.equal((await post('A completely different experience: the session made my back pain worse for a week.', '192.0.2.50')).statusCode, 201)
  t.equal(await db.story.count(), 3)
})
