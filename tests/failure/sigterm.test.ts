// SIGTERM during a burst: in-flight requests finish, later ones are refused or get 503, nothing is
// cut off, and the process exits 0 within the 10 s grace period.
import t from 'tap'
import { burst, count, createdIds, distinctStory, send, serverWithTopic } from './helpers.js'

t.test('graceful shutdown mid-burst: every request completes, is refused, or gets 503; exit code 0', async (t) => {
  const { db, storiesUrl, server } = await serverWithTopic(t)

  let signalledAt = 0
  const outcomes = await burst(200, 20, async (i) => await send(server.port, 'POST', storiesUrl, distinctStory(i)), (done) => {
    if (done >= 60 && signalledAt === 0) {
      signalledAt = Date.now()
      server.child.kill('SIGTERM')
    }
  })
  const exit = await server.exited
  const elapsed = exit.at - signalledAt

  const created = createdIds(outcomes)
  const unavailable = count(outcomes, (o) => o.kind === 'response' && o.status === 503)
  const refused = count(outcomes, (o) => o.kind === 'refused')
  const unexpected = outcomes.filter((o) => !((o.kind === 'response' && (o.status === 201 || o.status === 503)) || o.kind === 'refused'))
  t.comment(`200 sent, SIGTERM after 60 answers: ${created.length} × 201, ${unavailable} × 503, ${refused} refused, ${unexpected.length} other; exit ${exit.code} after ${elapsed} ms`)
  t.same(unexpected.slice(0, 5), [], 'no response was cut off, garbled or reset')
  for (const o of outcomes) {
    if (o.kind === 'response' && o.status === 503) t.equal((o.json as { code?: string }).code !== undefined, true, '503 is a problem document')
  }
  t.equal(exit.code, 0, 'exit code 0')
  t.equal(exit.signal, null)
  t.ok(elapsed < 12_000, `exited within the grace period (${elapsed} ms)`)
  t.ok(created.length >= 60, 'the burst was under way')
  const stored = new Set((await db.story.findMany({ where: { id: { in: created } }, select: { id: true } })).map((s) => s.id))
  t.same(created.filter((id) => !stored.has(id)), [], 'every acknowledged story is stored')
})
