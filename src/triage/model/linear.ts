// The shipped scorer: one logistic model per head (each harm category, and the two contexts a
// moderator wants to see without calling them present risk) over the hashed features of
// features.ts, with Platt-calibrated probabilities and thresholds chosen at training time
// (scripts/triage/train.ts). Weights ship as int8 with a scale per head (model.bin, 1.5 MB) and
// the rest as JSON (model.json); both are read once at start.
import { readFileSync } from 'node:fs'
import { DIM, type FamilyWeights, type Features } from './features.js'
import type { StackShape } from './stacked.js'

export const HEADS = ['self_harm', 'physical_harm', 'trauma_response', 'abuse', 'past_relieved', 'other_person'] as const
export type Head = typeof HEADS[number]

export interface HeadParams {
  bias: number
  /** The int8 weights times this give the real weights. */
  scale: number
  /** Platt calibration of the raw score: p = 1 / (1 + exp(-(a * score + b))). */
  platt: { a: number, b: number }
  /** The calibrated probability at or above which the head is raised. */
  threshold: number
  /** For a harm category: when the phrase layer has strong evidence of it, the category is raised
   *  unless the probability is below this floor (the model vetoes only what it is sure of). */
  phraseFloor: number
  /** For a context head: at or above this probability, a phrase finding of self-harm that the model
   *  does not confirm is read as this context (someone else's, or past and relieved) rather than as
   *  the writer's present risk (decide.ts). Absent: the context never overrules the phrase layer. */
  overrulesPhrase?: number
  /** When present, the head's raw score mixes the linear head's and the stacked network's (stacked.ts):
   *  linear × mix.linear + stacked × mix.stacked, each weighted by the reciprocal of its spread out of
   *  fold so that the two count alike. */
  mix?: { linear: number, stacked: number }
}

export interface ModelMeta {
  version: string
  dim: number
  /** How much each feature family counts (features.ts). */
  families: FamilyWeights
  /** What a score is taken from: the whole text, or its most telling passage (scorer.ts). */
  reads: 'whole' | 'passages'
  heads: Record<Head, HeadParams>
  /** The stacked network's shape, when heads read it (weights in stack.bin). */
  stack?: StackShape
}

export class LinearModel {
  constructor (readonly meta: ModelMeta, private readonly weights: Record<Head, Float64Array | Int8Array>) {}

  /** Load model.json and model.bin from a folder. */
  static load (dir: URL): LinearModel {
    const meta = JSON.parse(readFileSync(new URL('model.json', dir), 'utf8')) as ModelMeta
    if (meta.dim !== DIM) throw new Error(`triage model has ${meta.dim} slots, features have ${DIM}`)
    const bin = readFileSync(new URL('model.bin', dir))
    if (bin.length !== DIM * HEADS.length) throw new Error('triage model.bin has the wrong size')
    const weights = {} as Record<Head, Int8Array>
    HEADS.forEach((h, i) => { weights[h] = new Int8Array(bin.buffer, bin.byteOffset + i * DIM, DIM) })
    return new LinearModel(meta, weights)
  }

  /** The raw (uncalibrated) score of one head. */
  raw (head: Head, f: Features): number {
    const w = this.weights[head]
    const p = this.meta.heads[head]
    let sum = 0
    for (let i = 0; i < f.slots.length; i++) sum += (w[f.slots[i] as number] as number) * (f.values[i] as number)
    return sum * p.scale + p.bias
  }

  /** One slot's real weight in one head. */
  weight (head: Head, slot: number): number {
    return (this.weights[head][slot] as number) * this.meta.heads[head].scale
  }

  /** The calibrated probability of one head's raw score. */
  calibrated (head: Head, raw: number): number {
    return calibrate(this.meta.heads[head].platt, raw)
  }
}

export function calibrate (platt: { a: number, b: number }, raw: number): number {
  return 1 / (1 + Math.exp(-(platt.a * raw + platt.b)))
}

/** Quantise real weights to int8 with a scale per head, and the bytes of model.bin. */
export function quantise (weights: Record<Head, Float64Array>): { bin: Buffer, scales: Record<Head, number> } {
  const bin = Buffer.alloc(DIM * HEADS.length)
  const scales = {} as Record<Head, number>
  HEADS.forEach((h, i) => {
    const w = weights[h]
    let max = 0
    for (const x of w) max = Math.max(max, Math.abs(x))
    const scale = max === 0 ? 1 : max / 127
    scales[h] = scale
    for (let k = 0; k < DIM; k++) bin.writeInt8(Math.round((w[k] as number) / scale), i * DIM + k)
  })
  return { bin, scales }
}
