// npm run build, after tsc: copy the files that compiled modules read beside themselves into dist,
// so that the built service (and the image) runs from dist alone. tsc copies only what it compiles.
import { cpSync } from 'node:fs'

const ASSETS = [
  // The triage model: weights, thresholds and word vectors (src/triage/model/scorer.ts, vectors.ts).
  'triage/model/model.json',
  'triage/model/model.bin',
  'triage/model/stack.bin',
  'triage/model/vectors.bin',
  // The prebuilt browser bundles (npm run build:widget, build:console).
  'embed/static',
  'console/static',
]

for (const asset of ASSETS) cpSync(new URL(`../src/${asset}`, import.meta.url), new URL(`../dist/${asset}`, import.meta.url), { recursive: true })
console.log(`copied ${ASSETS.length} assets into dist`)
