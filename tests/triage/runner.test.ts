// Long texts are triaged on worker threads (TRIAGE_THREADS ≥ 1, the service's default), short ones in
// place; either way the answer is exactly triage's on the event loop, for ordinary, evasive and hostile
// texts; a long submission through an app is triaged on a thread and queued as usual.
import t from 'tap'
import { triageRunner } from '../../src/triage/runner.js'
import { triage } from '../../src/triage/triage.js'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic, storyInput } from '../helpers/factories.js'

const texts = [
  { title: 'Relaxing', body: 'Gentle sessions, I nearly fell asleep, and my headaches are a little better.' },
  { title: 'After the third session', body: 'Since then I keep thinking everyone would be better off without me.' },
  { title: 'i want to k\u200dill mys3lf', body: 'i want to k1ll mys3lf after what he did on the table' },
  { title: 'Back there', body: 'Halfway through I was suddenly back in the car crash, smelling the petrol, and could not stop shaking.' },
  { title: 'Lines', body: 'a\n'.repeat(9_000) },
  { title: 'Endless', body: 'and then the pain '.repeat(1_100) },
]

t.test('texts past the inline length go to a thread, and every answer is the event loop\'s, evidence and confidences included', async (t) => {
  const runner = triageRunner(2, 3000)
  t.teardown(runner.close)
  const results = await Promise.all(texts.map(async (text) => await runner.run(text)))
  for (const [i, text] of texts.entries()) t.same(results[i], triage(text), `${text.title}: the same answer`)
  t.equal(runner.offLoop(), 2, 'the two long, hostile texts were triaged on a thread; the four short ones in place')

  const everything = triageRunner(1, 0)
  t.teardown(everything.close)
  for (const text of texts) t.same(await everything.run(text), triage(text), `${text.title}: the same answer from a thread`)
  t.equal(everything.offLoop(), texts.length)
})

t.test('a submission triaged on a thread is queued at its level', async (t) => {
  const { app, db } = await buildTestApp(t, { TRIAGE_THREADS: '1', TRIAGE_INLINE_CHARS: '0' })
  const { site, storiesUrl } = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const res = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title: 'After the retreat', body: 'Since the retreat I have thoughts of ending it every night.' }) })
  t.equal(res.statusCode, 201)
  const created = res.json<{ id: string, support?: object }>()
  t.ok(created.support, 'the author is shown support, as for any self-harm story')
  const queue = (await app.inject({ url: '/v1/moderation/queue', headers: bearer(moderator) })).json().items
  t.match(queue[0], { id: created.id, triage: { level: 'critical', categories: ['self_harm'] } })
  const tried = await app.inject({ method: 'POST', url: '/v1/moderation/triage', headers: bearer(moderator), payload: texts[3] })
  t.same(tried.json(), triage(texts[3]!), 'the triage operation answers from the threads too')
})
