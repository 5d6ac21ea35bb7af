// The Wilson interval against values worked out independently.
import t from 'tap'
import { wilsonInterval } from '../../src/ratings/wilson.js'

const near = (t: { ok: (v: boolean, m: string) => void }, actual: number | undefined, expected: number, label: string) =>
  t.ok(actual !== undefined && Math.abs(actual - expected) < 0.0005, `${label}: ${actual} ≈ ${expected}`)

t.test('known intervals', async (t) => {
  const eightOfTen = wilsonInterval(8, 10)
  near(t, eightOfTen?.lower, 0.4902, '8/10 lower')
  near(t, eightOfTen?.upper, 0.9433, '8/10 upper')
  const half = wilsonInterval(50, 100)
  near(t, half?.lower, 0.4038, '50/100 lower')
  near(t, half?.upper, 0.5962, '50/100 upper')
  const none = wilsonInterval(0, 5)
  t.equal(none?.lower, 0, '0/5 never goes below zero')
  near(t, none?.upper, 0.4345, '0/5 upper')
  const all = wilsonInterval(5, 5)
  t.equal(all?.upper, 1, '5/5 never goes above one')
  t.equal(wilsonInterval(0, 0), null, 'no data, no interval')
})
