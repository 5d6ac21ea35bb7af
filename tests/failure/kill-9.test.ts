// kill -9 during a burst of submissions: every story acknowledged with 201 is in the database, and
// no story exists without its `submitted` audit event (the transaction commits both or neither).
import t from 'tap'
import { burst, count, createdIds, distinctStory, send, serverWithTopic } from './helpers.js'

t.test('SIGKILL after ~100 of 300 submissions loses nothing acknowledged and half-writes nothing', async (t) => {
  const { db, storiesUrl, server } = await serverWithTopic(t)

  let killedAfter = 0
  const outcomes = await burst(300, 20, async (i) => await send(server.port, 'POST', storiesUrl, distinctStory(i)), (done) => {
    if (done >= 100 && killedAfter === 0) {
      killedAfter = done
      server.child.kill('SIGKILL')
    }
  })
  t.equal((await server.exited).signal, 'SIGKILL', 'the server was killed')

  const acknowledged = createdIds(outcomes)
  const stored = await db.story.findMany({ select: { id: true } })
  const storedIds = new Set(stored.map((s) => s.id))
  const missing = acknowledged.filter((id) => !storedIds.has(id))
  const [row] = await db.$queryRaw<Array<{ orphans: number }>>`
    SELECT count(*)::int AS orphans FROM stories s
    WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.story_id = s.id AND a.action = 'submitted')`
  const orphans = row?.orphans ?? -1
  const other = count(outcomes, (o) => o.kind === 'response' && o.status !== 201)
  t.comment(`300 sent, killed after ${killedAfter} answers: ${acknowledged.length} acknowledged (201), ${other} other answers, ` +
    `${count(outcomes, (o) => o.kind !== 'response')} without an answer; ${stored.length} stories stored ` +
    `(${stored.length - (acknowledged.length - missing.length)} committed but never acknowledged), ${missing.length} acknowledged but missing, ${orphans} without their audit event`)
  t.ok(acknowledged.length >= 90, 'the burst was under way when the server died')
  t.equal(other, 0, 'before the kill, every submission was accepted')
  t.same(missing, [], 'every acknowledged story is in the database')
  t.equal(orphans, 0, 'no story lacks its submitted audit event')
  t.ok(stored.length < 300, 'the kill did stop the burst')
})
