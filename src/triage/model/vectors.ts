// Word vectors for the triage model's features: GloVe 100-d (public domain) for the 50,000 commonest
// words, unit length, as int8 (scripts/triage/vectors.ts builds vectors.bin; 5 MB, read once).
// They let the model treat words it never saw in training like the words it did ("slitting" near
// "cutting", "noose" near "rope").
import { readFileSync } from 'node:fs'

export const DIMENSIONS = 100
export const VECTORS_FILE = new URL('vectors.bin', import.meta.url)
/** Stored values are unit-vector components × 127 × 2.5 (components rarely exceed 0.4). */
const SCALE = 1 / (127 * 2.5)

export interface WordVectors {
  /** The row of a word, or undefined when it is not among the commonest words. */
  index: Map<string, number>
  matrix: Int8Array
}

let loaded: WordVectors | undefined

export function wordVectors (): WordVectors {
  if (loaded !== undefined) return loaded
  const buf = readFileSync(VECTORS_FILE)
  const split = buf.indexOf('\n\n')
  const words = buf.subarray(0, split).toString('utf8').split('\n')
  if (words.shift() !== 'CANDOR-VEC1') throw new Error('vectors.bin: not a Candor vectors file')
  const matrix = new Int8Array(buf.buffer, buf.byteOffset + split + 2, words.length * DIMENSIONS)
  loaded = { index: new Map(words.map((w, i) => [w, i])), matrix }
  return loaded
}

/** Add row `row`'s vector into `sum` and its element-wise maximum into `max`. */
export function accumulateRow (v: WordVectors, row: number, sum: Float64Array, max: Float64Array): boolean {
  const base = row * DIMENSIONS
  for (let d = 0; d < DIMENSIONS; d++) {
    const x = (v.matrix[base + d] as number) * SCALE
    sum[d] = (sum[d] as number) + x
    if (x > (max[d] as number)) max[d] = x
  }
  return true
}
