// A small neural network stacked on the linear heads, for the heads whose harm a sum of word weights
// ranks poorly in real reviews (physical harm told as a course of events: "ended up in the ER after
// the second week, liver numbers through the roof"). A head's score mixes its linear score and the
// network's (linear.ts, HeadParams.mix). The network reads dense inputs that say what the story is
// about rather than which words it uses:
//  - the mean and the element-wise maximum of the story's word vectors (features.ts);
//  - the phrase layer's cues per category (strong, background, negated), as log counts;
//  - the story's length, as a log count of its words;
//  - every linear head's raw score.
// One hidden layer of rectified units and one output (a raw score, calibrated like a linear head's)
// per head. Trained by scripts/triage/stack.ts; the weights ship as float32 in stack.bin.
import { readFileSync } from 'node:fs'
import type { CueCounts } from '../phrases.js'
import { HARM_CATEGORIES } from '../types.js'
import { HASHED, type Features } from './features.js'
import { HEADS, type Head } from './linear.js'
import { DIMENSIONS } from './vectors.js'

const CUE_KINDS = ['strong', 'background', 'negated'] as const
const VECTOR_INPUTS = 2 * DIMENSIONS
export const STACK_INPUTS = VECTOR_INPUTS + HARM_CATEGORIES.length * CUE_KINDS.length + 1 + HEADS.length

/** A story's dense inputs, from its sparse features (their word-vector block), its cues and the
 *  linear heads' raw scores. */
export function stackInputs (f: Features, cues: CueCounts, raw: Readonly<Record<Head, number>>): Float64Array {
  const x = new Float64Array(STACK_INPUTS)
  for (let k = 0; k < f.slots.length; k++) {
    const slot = f.slots[k] as number
    if (slot >= HASHED) x[slot - HASHED] = f.values[k] as number
  }
  let at = VECTOR_INPUTS
  for (const c of HARM_CATEGORIES) for (const kind of CUE_KINDS) x[at++] = Math.log2(1 + cues[c][kind])
  x[at++] = Math.log10(1 + f.tokens)
  for (const h of HEADS) x[at++] = raw[h]
  return x
}

export interface StackShape { inputs: number, hidden: number }

/** The number of parameters of a network of this shape, in the order `Stack` reads them: the
 *  inputs' means and scales, then the hidden layer's weights (row per unit) and biases, then the
 *  output layer's weights (row per head) and biases. */
export const stackSize = ({ inputs, hidden }: StackShape): number =>
  2 * inputs + hidden * inputs + hidden + HEADS.length * hidden + HEADS.length

/** Where each block of parameters starts. */
export function stackLayout ({ inputs, hidden }: StackShape): { mean: number, scale: number, w1: number, b1: number, w2: number, b2: number } {
  const mean = 0
  const scale = mean + inputs
  const w1 = scale + inputs
  const b1 = w1 + hidden * inputs
  const w2 = b1 + hidden
  const b2 = w2 + HEADS.length * hidden
  return { mean, scale, w1, b1, w2, b2 }
}

export class Stack {
  private readonly at: ReturnType<typeof stackLayout>
  private readonly hiddenOut: Float64Array

  constructor (readonly shape: StackShape, private readonly params: Float32Array | Float64Array) {
    if (params.length !== stackSize(shape)) throw new Error(`triage stack has ${params.length} parameters, its shape needs ${stackSize(shape)}`)
    this.at = stackLayout(shape)
    this.hiddenOut = new Float64Array(shape.hidden)
  }

  /** Read stack.bin (float32, little-endian) from a folder. */
  static load (dir: URL, shape: StackShape): Stack {
    const bin = readFileSync(new URL('stack.bin', dir))
    const params = new Float32Array(bin.length / 4)
    for (let i = 0; i < params.length; i++) params[i] = bin.readFloatLE(i * 4)
    return new Stack(shape, params)
  }

  /** The bytes of stack.bin for these parameters, and the float32 parameters the service reads. */
  static serialise (params: Float64Array): { bin: Buffer, params: Float32Array } {
    const bin = Buffer.alloc(params.length * 4)
    params.forEach((x, i) => bin.writeFloatLE(x, i * 4))
    return { bin, params: Float32Array.from(params) }
  }

  /** Every head's raw score for one story's dense inputs. */
  raw (x: Float64Array): Record<Head, number> {
    const { inputs, hidden } = this.shape
    const p = this.params
    const { mean, scale, w1, b1, w2, b2 } = this.at
    for (let j = 0; j < hidden; j++) {
      let z = p[b1 + j] as number
      const row = w1 + j * inputs
      for (let i = 0; i < inputs; i++) z += (p[row + i] as number) * ((x[i] as number) - (p[mean + i] as number)) * (p[scale + i] as number)
      this.hiddenOut[j] = z > 0 ? z : 0
    }
    const out = {} as Record<Head, number>
    HEADS.forEach((h, k) => {
      let z = p[b2 + k] as number
      const row = w2 + k * hidden
      for (let j = 0; j < hidden; j++) z += (p[row + j] as number) * (this.hiddenOut[j] as number)
      out[h] = z
    })
    return out
  }
}
