// The per-instance lookup cache: bounded, evicting the least recently used entry (not emptying itself
// when full), one load for concurrent misses, failures not kept, and a drop during a load never
// leaving what that load read.
import t from 'tap'
import { cached } from '../../src/store/cached.js'

t.test('when full, the least recently used entry goes and the rest stay', async (t) => {
  const loads: string[] = []
  const cache = cached(60_000, async (key: string) => { loads.push(key); return key.toUpperCase() }, 3)
  for (const key of ['a', 'b', 'c']) await cache.get(key, undefined)
  await cache.get('a', undefined) // a is now the most recently used
  await cache.get('d', undefined) // evicts b only
  loads.length = 0
  for (const key of ['a', 'c', 'd']) t.equal(await cache.get(key, undefined), key.toUpperCase())
  t.same(loads, [], 'a, c and d were kept')
  await cache.get('b', undefined)
  t.same(loads, ['b'], 'b was evicted')
})

t.test('concurrent misses share one load; a failed load is not kept', async (t) => {
  let calls = 0
  let fail = true
  const cache = cached(60_000, async (key: string) => {
    calls++
    await new Promise((resolve) => setTimeout(resolve, 10))
    if (fail) throw new Error('down')
    return key
  })
  const results = await Promise.allSettled([cache.get('x', undefined), cache.get('x', undefined)])
  t.equal(calls, 1, 'one load for two callers')
  t.ok(results.every((r) => r.status === 'rejected'))
  fail = false
  t.equal(await cache.get('x', undefined), 'x', 'the next call loads again')
  t.equal(calls, 2)
})

t.test('a drop while a load is in flight makes the caller read again, and nothing stale is kept', async (t) => {
  let version = 1
  const cache = cached(60_000, async () => {
    const read = version
    await new Promise((resolve) => setTimeout(resolve, 20))
    return read
  })
  const pending = cache.get('k', undefined)
  await new Promise((resolve) => setTimeout(resolve, 5))
  version = 2 // the change commits while the first load is reading
  cache.drop('k')
  t.equal(await pending, 2, 'the caller gets a load made after the change')
  t.equal(await cache.get('k', undefined), 2, 'and that is what is kept')
})

t.test('a drop by test also drops loads in flight, which have no value to test yet', async (t) => {
  let version = 1
  const cache = cached(60_000, async (key: string) => {
    const read = version
    await new Promise((resolve) => setTimeout(resolve, 20))
    return `${key}@${read}`
  })
  const pending = cache.get('site-a/topic', undefined)
  await new Promise((resolve) => setTimeout(resolve, 5))
  version = 2
  cache.dropWhere((key) => key.startsWith('site-a/'))
  t.equal(await pending, 'site-a/topic@2')
  t.equal(await cache.get('site-a/topic', undefined), 'site-a/topic@2')
})

t.test('entries expire after the TTL', async (t) => {
  let n = 0
  const cache = cached(30, async () => ++n)
  t.equal(await cache.get('k', undefined), 1)
  t.equal(await cache.get('k', undefined), 1)
  await new Promise((resolve) => setTimeout(resolve, 50))
  t.equal(await cache.get('k', undefined), 2)
})

t.test('a second change while the read again is in flight is not missed, though the first load ended meanwhile', async (t) => {
  let version = 1
  const gates: Array<() => void> = []
  const cache = cached(60_000, async (key: string) => {
    const read = version
    await new Promise<void>((resolve) => gates.push(resolve))
    return `${key}@${read}`
  })
  const tick = async () => { await new Promise((resolve) => setImmediate(resolve)) }
  const pending = cache.get('site-a/topic', undefined)
  await tick()
  version = 2
  cache.dropWhere((key) => key.startsWith('site-a/')) // the first load is abandoned; the caller reads again
  await tick()
  t.equal(gates.length, 2, 'the second load is in flight')
  gates[0]!() // the abandoned first load ends now, while the second is still reading
  await tick()
  version = 3
  cache.dropWhere((key) => key.startsWith('site-a/')) // must reach the second load too
  await tick()
  gates[1]!()
  await tick()
  gates[2]?.()
  t.equal(await pending, 'site-a/topic@3', 'the caller gets a load made after both changes')
  t.equal(await cache.get('site-a/topic', undefined), 'site-a/topic@3', 'and that is what is kept')
})
