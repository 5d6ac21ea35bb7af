// `npm run bench`: seed (if needed), start Candor and the ceiling servers, run every scenario, print and write the table.
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startCeiling } from './ceilings.js'
import { numberArg, openServer, parseArgs, repoRoot, startCandor, withDatabase, type ChildServer } from './common.js'
import type { LoadResult } from './load.js'
import { ceilingRow, growthRow, hostileTriageRow, latencyRow, markdownTable, ratioRow, submitRow, separateRow, triageRow, writeResults, type Ceilings, type Row } from './report.js'
import { measureTriage } from './triage.js'
import { DEEP_PAGES, gatherInputs, paths, probe, runConstantCeiling, runGet, runPgCeiling, runStoryById, runSubmit, type Settings } from './scenarios.js'
import { createBenchKey, rebuildCounters, seed, seededCount, type SeedResult } from './seed.js'

const usage = `npm run bench -- [--stories 1000000] [--duration 10] [--warmup 3] [--connections 50]
  [--growth-stories 10000 | --no-growth] [--skip-seed | --reseed] [--data-dir DIR] [--database-url URL]
Databases candor_bench_<N> are created on DATABASE_URL's server (or --database-url's), else on an embedded
PostgreSQL in a temporary directory (or in --data-dir, kept between runs so seeding happens once).`

const args = parseArgs(process.argv.slice(2))
if (args.has('help')) { console.log(usage); process.exit(0) }
const stories = numberArg(args, 'stories', 1_000_000)
const growthStories = args.has('no-growth') ? 0 : numberArg(args, 'growth-stories', 10_000)
const settings: Settings = {
  connections: numberArg(args, 'connections', 50),
  durationSeconds: numberArg(args, 'duration', 10),
  warmupSeconds: numberArg(args, 'warmup', 3),
}
const log = (line: string): void => { console.log(`[bench] ${line}`) }
const fmt = (name: string, r: LoadResult): string =>
  `${name}: ${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`

/** Seeds `url` with n stories unless it already holds exactly n (or --skip-seed). */
async function ensureSeeded (url: string, n: number): Promise<SeedResult | 'reused'> {
  const have = await seededCount(url)
  if (args.has('skip-seed') || (have === n && !args.has('reseed'))) {
    if (have === 0) throw new Error(`--skip-seed, but ${url} holds no seeded stories`)
    log(`reusing ${have.toLocaleString('en')} seeded stories; rebuilding the trigger-kept counters`)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try { await rebuildCounters(client) } finally { await client.end() }
    return 'reused'
  }
  log(`seeding ${n.toLocaleString('en')} stories…`)
  return await seed(url, n, log)
}

async function serverFacts (url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const facts: Record<string, string> = {}
    for (const name of ['server_version', 'shared_buffers', 'synchronous_commit', 'work_mem']) {
      const { rows } = await client.query<Record<string, string>>(`SHOW ${name}`)
      facts[name] = Object.values(rows[0] ?? {})[0] ?? ''
    }
    return facts
  } finally {
    await client.end()
  }
}

const started = Date.now()
const server = await openServer(args.get('database-url') ?? process.env.DATABASE_URL, args.get('data-dir'))
const running: ChildServer[] = []
const stopAll = async (): Promise<void> => { for (const s of running.splice(0)) await s.stop() }
try {
  log(`PostgreSQL: ${server.embedded ? 'embedded' : 'DATABASE_URL'}; ${stories.toLocaleString('en')} stories, ${settings.connections} connections, ${settings.durationSeconds} s per scenario after ${settings.warmupSeconds} s warm-up`)
  const mainUrl = withDatabase(server.url, `candor_bench_${stories}`)
  // Before any server starts, so that triage has the cores to itself.
  const triageTimes = measureTriage()
  log(`triage: model load ${triageTimes.loadMs.toFixed(0)} ms; 2,000-character stories, worst p99 ${Math.max(...triageTimes.stories.map((s) => s.p99)).toFixed(2)} ms`)
  const seeded = await ensureSeeded(mainUrl, stories)
  const inputs = await gatherInputs(mainUrl)
  const key = await createBenchKey(mainUrl)
  const auth = { authorization: `Bearer ${key}` }
  log(`big topic: ${inputs.bigTopicApproved.toLocaleString('en')} approved stories; ${inputs.pending.toLocaleString('en')} pending in all`)

  const app = await startCandor(mainUrl)
  running.push(app)
  const constant = await startCeiling('constant', mainUrl)
  const pgCeiling = await startCeiling('pg', mainUrl)
  running.push(constant, pgCeiling)

  for (const path of [paths.ratings, paths.listFirst, paths.listDeep(inputs.deepCursor), `/v1/stories/${inputs.storyIds[0]}`]) await probe(app.url + path)
  // A tally of zeros would be fast and wrong: the counters must match the stories.
  const tally = await probe(app.url + paths.ratings) as { total: number }
  if (tally.total !== inputs.bigTopicApproved) throw new Error(`the tally says ${tally.total} approved stories, the table ${inputs.bigTopicApproved}`)
  await probe(app.url + paths.queue, auth)
  const deepPage = await probe(app.url + paths.listDeep(inputs.deepCursor)) as { items: unknown[] }
  if (deepPage.items.length !== 20) throw new Error(`the deep page has ${deepPage.items.length} items, not 20`)

  const measure = async <T extends LoadResult>(name: string, run: () => Promise<T>): Promise<T> => {
    const r = await run()
    log(fmt(name, r))
    return r
  }
  const ceilingsAtStart = {
    constant: await measure('ceiling constant (start)', () => runConstantCeiling(constant.url, settings)),
    pg: await measure('ceiling pg (start)', () => runPgCeiling(pgCeiling.url, settings, inputs)),
  }
  const ratings = await measure('ratings', () => runGet(app.url, paths.ratings, settings))
  const listFirst = await measure('list page 1', () => runGet(app.url, paths.listFirst, settings))
  const listDeep = await measure(`list page ${DEEP_PAGES}`, () => runGet(app.url, paths.listDeep(inputs.deepCursor), settings))
  const byId = await measure('story by id', () => runStoryById(app.url, settings, inputs))
  const queue = await measure('moderation queue', () => runGet(app.url, paths.queue, settings, auth))
  const submit = await measure('submit', () => runSubmit(app.url, settings, mainUrl))
  const ceilingsAtEnd = {
    constant: await measure('ceiling constant (end)', () => runConstantCeiling(constant.url, settings)),
    pg: await measure('ceiling pg (end)', () => runPgCeiling(pgCeiling.url, settings, inputs)),
  }
  await stopAll()
  const best = (a: LoadResult, b: LoadResult): LoadResult => (a.requestsPerSecond >= b.requestsPerSecond ? a : b)
  const ceilings: Ceilings = { constant: best(ceilingsAtStart.constant, ceilingsAtEnd.constant), pg: best(ceilingsAtStart.pg, ceilingsAtEnd.pg) }

  // Mean latency: autocannon's p50 is whole milliseconds, too coarse when both pages answer in 1–4 ms.
  const deepVsFirst = listDeep.meanMs / Math.max(listFirst.meanMs, 0.001)
  const rows: Row[] = [
    ceilingRow('ceiling: bare Fastify, constant', ceilings.constant),
    ceilingRow('ceiling: bare Fastify + pg, one indexed query', ceilings.pg),
    ratioRow('GET …/ratings (big topic)', ratings, 'constant', ceilings, 0.5, 10, { ok: true, target: '', note: `${inputs.bigTopicApproved.toLocaleString('en')} approved stories in the topic` }),
    ratioRow('GET …/stories?limit=20, page 1', listFirst, 'pg', ceilings, 0.5),
    ratioRow(`GET …/stories?limit=20, page ${DEEP_PAGES}`, listDeep, 'pg', ceilings, 0.5, undefined,
      { ok: deepVsFirst <= 1.25, target: 'mean latency ≤ 1.25 × page 1', note: `${inputs.deepOffset.toLocaleString('en')} rows deep; mean latency ×${deepVsFirst.toFixed(2)} page 1` }),
    ratioRow('GET /v1/stories/{id}', byId, 'pg', ceilings, 0.6),
    submitRow(submit, ceilings),
    triageRow(triageTimes),
    hostileTriageRow(triageTimes),
    latencyRow('GET /v1/moderation/queue', queue, 'pg', ceilings, 20, `${inputs.pending.toLocaleString('en')} pending`),
    separateRow('research ratings, one topic, monthly, 5 years', '< 100 ms', 'bench/research.ts'),
    separateRow('research export, 1,000,000 rows NDJSON', '≥ 50,000 rows/s, RSS < 256 MB', 'bench/research.ts'),
  ]

  let growth: Record<string, unknown> | null = null
  if (growthStories > 0) {
    const smallUrl = withDatabase(server.url, `candor_bench_${growthStories}`)
    const smallSeed = await ensureSeeded(smallUrl, growthStories)
    const smallApp = await startCandor(smallUrl)
    running.push(smallApp)
    await probe(smallApp.url + paths.ratings)
    const smallRatings = await measure(`ratings at ${growthStories}`, () => runGet(smallApp.url, paths.ratings, settings))
    const smallList = await measure(`list page 1 at ${growthStories}`, () => runGet(smallApp.url, paths.listFirst, settings))
    await stopAll()
    rows.push(growthRow('ratings', ratings, smallRatings, stories, growthStories), growthRow('list page 1', listFirst, smallList, stories, growthStories))
    growth = { stories: growthStories, seed: smallSeed, ratings: smallRatings, listFirst: smallList }
  }

  const date = new Date().toISOString()
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version }
  const postgres: Record<string, string> = { ...(await serverFacts(mainUrl)), source: server.embedded ? 'embedded' : 'DATABASE_URL' }
  const title = `Candor bench, ${stories.toLocaleString('en')} stories, ${date.slice(0, 16).replace('T', ' ')} UTC`
  const table = markdownTable(rows)
  console.log(`\n${title}\n${machine.cores} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}, PostgreSQL ${postgres.server_version} (${postgres.source})\n\n${table}\n`)
  await writeResults(join(repoRoot, 'bench', 'results'), {
    title, date, machine, postgres, settings, stories, seed: seeded, inputs: { ...inputs, storyIds: inputs.storyIds.length },
    ceilings: { start: ceilingsAtStart, end: ceilingsAtEnd }, raw: { ratings, listFirst, listDeep, byId, queue, submit }, growth,
    totalSeconds: Math.round((Date.now() - started) / 1000), rows,
  })
  log(`wrote bench/results/latest.json and latest.md in ${Math.round((Date.now() - started) / 1000)} s`)
} finally {
  await stopAll()
  await server.stop()
}
