// Training of the stacked network (src/triage/model/stacked.ts): one hidden layer of rectified units
// and a raw score per head, trained on every head at once by minibatch Adam on class-weighted log
// loss, with a seeded initialisation and shuffle so the same data give the same weights bit for bit.
// Written here, like logistic.ts, because the network is a few hundred lines of arithmetic and the
// trainer must rebuild the shipped weights exactly (CI checks it): the maintained JavaScript
// frameworks (TensorFlow.js) bring megabytes of backend and no promise of bit-for-bit training.
import { HEADS } from '../../src/triage/model/linear.js'
import { stackLayout, stackSize, type StackShape } from '../../src/triage/model/stacked.js'
import { random, shuffle } from './logistic.js'

export interface StackOptions { hidden: number, epochs: number, batch: number, rate: number, l2: number, seed: number }

export const STACK_DEFAULTS: StackOptions = { hidden: 16, epochs: 10, batch: 32, rate: 1e-3, l2: 3e-3, seed: 11 }

const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/** Train on dense inputs `xs` with 0/1 labels per head (`ys[k][i]` for head k, item i) and a weight per
 *  item; each head's positives are weighted so that both classes count alike (at most tenfold). */
export function trainStack (xs: Float64Array[], ys: number[][], options: StackOptions = STACK_DEFAULTS, weights?: number[]): { shape: StackShape, params: Float64Array } {
  const inputs = (xs[0] as Float64Array).length
  const shape = { inputs, hidden: options.hidden }
  const { hidden } = shape
  const outputs = HEADS.length
  const at = stackLayout(shape)
  const params = new Float64Array(stackSize(shape))
  standardise(xs, params, at.mean, at.scale, inputs)
  const rand = random(options.seed)
  // He initialisation for the rectified layer, Glorot for the output.
  for (let i = 0; i < hidden * inputs; i++) params[at.w1 + i] = (rand() * 2 - 1) * Math.sqrt(6 / inputs)
  for (let i = 0; i < outputs * hidden; i++) params[at.w2 + i] = (rand() * 2 - 1) * Math.sqrt(6 / (hidden + outputs))
  const posWeight = ys.map((y) => {
    const pos = y.filter((v) => v === 1).length
    return pos === 0 ? 1 : Math.min(10, (y.length - pos) / pos)
  })

  // Only the layers learn; the inputs' means and scales stay as measured.
  const first = at.w1
  const grad = new Float64Array(params.length)
  const m = new Float64Array(params.length)
  const v = new Float64Array(params.length)
  const x = new Float64Array(inputs)
  const h = new Float64Array(hidden)
  const dh = new Float64Array(hidden)
  let step = 0
  const order = xs.map((_, i) => i)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const shuffled = shuffle(order, rand)
    for (let start = 0; start < shuffled.length; start += options.batch) {
      grad.fill(0, first)
      const batch = shuffled.slice(start, start + options.batch)
      for (const n of batch) {
        const raw = xs[n] as Float64Array
        for (let i = 0; i < inputs; i++) x[i] = ((raw[i] as number) - (params[at.mean + i] as number)) * (params[at.scale + i] as number)
        for (let j = 0; j < hidden; j++) {
          let z = params[at.b1 + j] as number
          const row = at.w1 + j * inputs
          for (let i = 0; i < inputs; i++) z += (params[row + i] as number) * (x[i] as number)
          h[j] = z > 0 ? z : 0
        }
        dh.fill(0)
        for (let k = 0; k < outputs; k++) {
          const row = at.w2 + k * hidden
          let z = params[at.b2 + k] as number
          for (let j = 0; j < hidden; j++) z += (params[row + j] as number) * (h[j] as number)
          const y = ys[k]?.[n] as number
          const g = (sigmoid(z) - y) * (y === 1 ? posWeight[k] as number : 1) * (weights?.[n] ?? 1)
          grad[at.b2 + k] = (grad[at.b2 + k] as number) + g
          for (let j = 0; j < hidden; j++) {
            grad[row + j] = (grad[row + j] as number) + g * (h[j] as number)
            dh[j] = (dh[j] as number) + g * (params[row + j] as number)
          }
        }
        for (let j = 0; j < hidden; j++) {
          if (h[j] === 0) continue
          const d = dh[j] as number
          grad[at.b1 + j] = (grad[at.b1 + j] as number) + d
          const row = at.w1 + j * inputs
          for (let i = 0; i < inputs; i++) grad[row + i] = (grad[row + i] as number) + d * (x[i] as number)
        }
      }
      step++
      const correction1 = 1 - ADAM.beta1 ** step
      const correction2 = 1 - ADAM.beta2 ** step
      for (let p = first; p < params.length; p++) {
        const isWeight = p < at.b1 || (p >= at.w2 && p < at.b2)
        const g = (grad[p] as number) / batch.length + (isWeight ? options.l2 * (params[p] as number) : 0)
        m[p] = ADAM.beta1 * (m[p] as number) + (1 - ADAM.beta1) * g
        v[p] = ADAM.beta2 * (v[p] as number) + (1 - ADAM.beta2) * g * g
        params[p] = (params[p] as number) - options.rate * ((m[p] as number) / correction1) / (Math.sqrt((v[p] as number) / correction2) + ADAM.epsilon)
      }
    }
  }
  return { shape, params }
}

/** Each input's mean and the reciprocal of its spread over the training items, into `params`. */
function standardise (xs: Float64Array[], params: Float64Array, meanAt: number, scaleAt: number, inputs: number): void {
  for (let i = 0; i < inputs; i++) {
    let sum = 0
    let squares = 0
    for (const x of xs) { sum += x[i] as number; squares += (x[i] as number) ** 2 }
    const mean = sum / xs.length
    const spread = Math.sqrt(Math.max(0, squares / xs.length - mean * mean))
    params[meanAt + i] = mean
    params[scaleAt + i] = spread > 1e-6 ? 1 / spread : 0
  }
}
