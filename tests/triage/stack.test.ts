// The stacked network of triage (src/triage/model/stacked.ts) and its trainer (scripts/triage/stack.ts):
// it learns what a sum of weights cannot, the same data train the same weights, and what the service
// reads from stack.bin scores as the trainer measured.
import t from 'tap'
import { HEADS } from '../../src/triage/model/linear.js'
import { Stack } from '../../src/triage/model/stacked.js'
import { random } from '../../scripts/triage/logistic.js'
import { trainStack } from '../../scripts/triage/stack.js'

/** Two inputs in [-1, 1] and noise; the first head's label is whether the two share a sign (no line
 *  separates it), every other head's is whether the first input is positive. */
function xorData (n: number, seed: number): { xs: Float64Array[], ys: number[][] } {
  const rand = random(seed)
  const xs = Array.from({ length: n }, () => Float64Array.from({ length: 6 }, () => rand() * 2 - 1))
  const ys = HEADS.map((_, k) => xs.map((x) => (k === 0 ? (x[0] as number) * (x[1] as number) > 0 : (x[0] as number) > 0) ? 1 : 0))
  return { xs, ys }
}

const options = { hidden: 16, epochs: 40, batch: 16, rate: 3e-3, l2: 1e-4, seed: 5 }
const accuracy = (stack: Stack, xs: Float64Array[], ys: number[]): number =>
  xs.filter((x, i) => (stack.raw(x).self_harm > 0 ? 1 : 0) === ys[i]).length / xs.length

t.test('the network learns a rule no linear head can (whether two signs agree), on data it did not see', async (t) => {
  const train = xorData(800, 1)
  const unseen = xorData(400, 2)
  const net = trainStack(train.xs, train.ys, options)
  const stack = new Stack(net.shape, net.params)
  t.ok(accuracy(stack, unseen.xs, unseen.ys[0] as number[]) > 0.9, 'signs agree, on unseen data')
  t.ok(accuracy(stack, unseen.xs, unseen.ys[1] as number[]) < 0.6, 'and the first head is not the others\' rule')
})

t.test('the same data and seed train the same weights, bit for bit', async (t) => {
  const { xs, ys } = xorData(300, 3)
  const a = trainStack(xs, ys, options)
  const b = trainStack(xs, ys, options)
  t.same(Buffer.from(a.params.buffer), Buffer.from(b.params.buffer))
  const c = trainStack(xs, ys, { ...options, seed: 6 })
  t.notSame(Buffer.from(a.params.buffer), Buffer.from(c.params.buffer), 'another seed, other weights')
})

t.test('stack.bin gives back the float32 weights the trainer measured with', async (t) => {
  const { xs, ys } = xorData(300, 4)
  const net = trainStack(xs, ys, options)
  const file = Stack.serialise(net.params)
  t.equal(file.bin.length, net.params.length * 4)
  const read = new Float32Array(net.params.length)
  for (let i = 0; i < read.length; i++) read[i] = file.bin.readFloatLE(i * 4)
  t.same(Array.from(read), Array.from(file.params))
  const measured = new Stack(net.shape, file.params)
  const exact = new Stack(net.shape, net.params)
  for (const x of xs.slice(0, 20)) t.ok(Math.abs(measured.raw(x).self_harm - exact.raw(x).self_harm) < 1e-3)
})

t.test('a stack of the wrong size is refused', async (t) => {
  t.throws(() => new Stack({ inputs: 6, hidden: 4 }, new Float32Array(10)), /parameters/)
})
