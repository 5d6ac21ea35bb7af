// Training of the linear triage heads: L2-regularised logistic regression over sparse hashed features,
// by Adagrad with a seeded shuffle, so the same data gives the same weights bit for bit. Written here
// because no maintained JavaScript package trains a sparse logistic model with class weights (the
// mljs packages are dense: 2^18 columns by a few thousand rows would not fit); it is short and the
// tests check what it learns.
import { DIM, type Features } from '../../src/triage/model/features.js'

export interface Example { slots: Int32Array, values: Float64Array }

export const toExample = (f: Features): Example => f

/** A small seeded generator (mulberry32), shared with the bench's synthetic data. */
export { rng as random } from '../../bench/text.js'
import { rng as random } from '../../bench/text.js'

export function shuffle<T> (xs: T[], rand: () => number): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

export interface TrainOptions { epochs: number, rate: number, l2: number, seed: number }

/** l2 1e-3 rather than 1e-4: on the sets never trained on it ranks better (ROC AUC of self-harm on
 *  Reddit posts 0.844 against 0.832 at 1e-4, on PsyTAR 0.844 against 0.796) for the same cross-validated
 *  figures; 3e-3 and 1e-2 rank a little better still but lose recall at the thresholds the
 *  training data choose (measured 2026-11-30, MODEL_CARD.md). */
export const DEFAULTS: TrainOptions = { epochs: 12, rate: 0.3, l2: 1e-3, seed: 7 }

export interface Linear { weights: Float64Array, bias: number }

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

export function rawScore (m: Linear, x: Example): number {
  let s = m.bias
  for (let k = 0; k < x.slots.length; k++) s += (m.weights[x.slots[k] as number] as number) * (x.values[k] as number)
  return s
}

/** Train one head on examples labelled 0/1, each with a weight (default 1); positives weighted so
 *  both classes count alike. */
export function train (xs: Example[], ys: number[], options: TrainOptions = DEFAULTS, weights?: number[]): Linear {
  const w = new Float64Array(DIM)
  const g2 = new Float64Array(DIM).fill(1e-8)
  let b = 0
  let gb2 = 1e-8
  const pos = ys.filter((y) => y === 1).length
  const neg = ys.length - pos
  const posWeight = pos === 0 ? 1 : Math.min(10, neg / pos)
  const rand = random(options.seed)
  const order = xs.map((_, i) => i)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffle(order, rand)) {
      const x = xs[i] as Example
      const y = ys[i] as number
      const p = sigmoid(rawScore({ weights: w, bias: b }, x))
      const g = (p - y) * (y === 1 ? posWeight : 1) * (weights?.[i] ?? 1)
      for (let k = 0; k < x.slots.length; k++) {
        const s = x.slots[k] as number
        const grad = g * (x.values[k] as number) + options.l2 * (w[s] as number)
        g2[s] = (g2[s] as number) + grad * grad
        w[s] = (w[s] as number) - options.rate * grad / Math.sqrt(g2[s] as number)
      }
      gb2 += g * g
      b -= options.rate * g / Math.sqrt(gb2)
    }
  }
  return { weights: w, bias: b }
}

/** Platt scaling: a and b of p = sigmoid(a * score + b) fitted to out-of-fold scores (Newton's method). */
export function platt (scores: number[], ys: number[]): { a: number, b: number } {
  const pos = ys.filter((y) => y === 1).length
  const neg = ys.length - pos
  // Platt's smoothed targets keep the fit finite on separable data.
  const hi = (pos + 1) / (pos + 2)
  const lo = 1 / (neg + 2)
  let a = 1
  let b = 0
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0; let gb = 0; let haa = 1e-9; let hab = 0; let hbb = 1e-9
    scores.forEach((s, i) => {
      const t = ys[i] === 1 ? hi : lo
      const p = sigmoid(a * s + b)
      const d = p - t
      const v = p * (1 - p)
      ga += d * s; gb += d
      haa += v * s * s; hab += v * s; hbb += v
    })
    const det = haa * hbb - hab * hab
    if (det === 0) break
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da; b -= db
    if (Math.abs(da) + Math.abs(db) < 1e-9) break
  }
  return { a, b }
}
