// Research benchmark: ratings latency (one topic, monthly over five years) and the export's throughput
// and peak RSS, run with the app's own code against a large database. Read-only.
// Usage: BENCH_DATABASE_URL=postgresql://…/candor_bench_1000000 npx tsx bench/research.ts [site] [topic]
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { createDb } from '../src/db/client.js'
import type { Principal } from '../src/keys/api-keys.js'
import { openExport } from '../src/research/export.js'
import { researchRatings } from '../src/research/ratings.js'
import { resolveScope } from '../src/research/scope.js'

const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/candor_bench_1000000'
const [site = 'alpha', topic = 'reiki'] = process.argv.slice(2)
const db = createDb(url, 2)
const admin: Principal = { keyId: 'bench', role: 'admin', sites: 'all' }
const researcherSites = new Map((await db.site.findMany({ where: { slug: site } })).map((s) => [s.id, s.slug]))
const researcher: Principal = { keyId: 'bench', role: 'researcher', sites: researcherSites }
const to = new Date().toISOString().slice(0, 10)
const from = `${Number(to.slice(0, 4)) - 5}-${to.slice(5, 7)}-01`

const times: number[] = []
for (let i = 0; i < 12; i++) {
  const start = performance.now()
  const r = await researchRatings(db, i % 2 ? admin : researcher, { site, topic: [topic], from, to, interval: 'month' })
  times.push(performance.now() - start)
  if (i === 0) console.log(`ratings: ${r.rows.length} monthly rows, approved n total ${r.rows.reduce((a, x) => a + (x.n ?? 0), 0)}`)
}
const warm = times.slice(2).sort((a, b) => a - b)
console.log(`ratings ${site}/${topic} monthly ${from}..${to}: median ${warm[Math.floor(warm.length / 2)]!.toFixed(1)} ms, max ${warm.at(-1)!.toFixed(1)} ms (first ${times[0]!.toFixed(1)} ms)`)

const pool = new pg.Pool({ connectionString: url, max: 1 })
const scope = await resolveScope(db, admin, {})
let rows = 0
let bytes = 0
let peak = process.memoryUsage().rss
const mb = (n: number): string => `${(n / 1048576).toFixed(0)} MB`
console.log(`RSS before the export: ${mb(peak)}`)
let nextReport = 100_000
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 100)
const start = performance.now()
const stream = await openExport(pool, scope, 'ndjson', Buffer.from('bench-key'))
await pipeline(stream, new Writable({
  write (chunk: Buffer, _e, cb) {
    bytes += chunk.length
    // Counted with indexOf (native): a byte-by-byte JS loop here cost a sixth of the run's CPU.
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows++
    if (rows >= nextReport) { console.log(`  ${rows} rows, RSS ${mb(process.memoryUsage().rss)}`); nextReport += 100_000 }
    cb()
  },
}))
clearInterval(sampler)
const seconds = (performance.now() - start) / 1000
console.log(`export: ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s; peak RSS ${mb(peak)}`)
await pool.end()
await db.$disconnect()
