// Fills a database with N synthetic stories by COPY (`npx tsx bench/seed.ts --stories 1000000 [--database-url URL]`).
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { createDb } from '../src/db/client.js'
import { applyMigrations } from '../src/db/migrations.js'
import { createApiKey } from '../src/keys/api-keys.js'
import { databaseName, ensureDatabase, numberArg, openServer, parseArgs, withDatabase } from './common.js'
import { body, fakeHash, rng, title, uuidV7 } from './text.js'

/** Three seeded sites of four topics; `alpha/reiki` holds 40% of the stories. `writes/inbox` takes the POSTs. */
export const seededSites = ['alpha', 'beta', 'gamma'] as const
export const bigTopic = { site: 'alpha', topic: 'reiki' } as const
export const writeTopic = { site: 'writes', topic: 'inbox' } as const
const topicSlugs: Record<string, string[]> = {
  alpha: ['reiki', 'acupuncture', 'cupping', 'reflexology'],
  beta: ['craniosacral', 'chiropractic', 'homeopathy', 'osteopathy'],
  gamma: ['yoga', 'meditation', 'breathwork', 'float-tank'],
}
const BIG_SHARE = 0.4
const YEAR_MS = 365.25 * 24 * 3600_000
const HOUR_MS = 3600_000
const PENDING_WINDOW_MS = 270 * 24 * HOUR_MS
const dueMinutes = { critical: 60, high: 1440, normal: 4320 } as const
const names = ['Sam', 'Alex', 'Jo', 'Priya', 'Marta', 'Kenji', 'Lea', 'Tom', 'Ana', 'Yusuf']
const otherCategories = ['abuse', 'trauma_response', 'physical_harm']

const copyColumns = ['id', 'site_id', 'topic_id', 'title', 'body', 'author_name', 'author_email', 'verdict', 'consent_publish',
  'consent_research', 'status', 'triage_level', 'triage_categories', 'triage_evidence', 'content_warnings', 'redactions',
  'manage_token_hash', 'version', 'harm_reports', 'flagged_at', 'escalated_at', 'overdue_notified_at', 'created_at',
  'updated_at', 'published_at']

const NULL = '\\N'
const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
const ts = (ms: number | null): string => (ms === null ? NULL : new Date(ms).toISOString())

interface TopicRow { id: string, siteId: string }

/** One story as a COPY text line. Stories come in created_at order, as an append-mostly table would hold them. */
function storyLine (i: number, n: number, now: number, topics: TopicRow[], r: () => number): { line: string, pending: boolean } {
  const start = now - 5 * YEAR_MS
  const created = Math.floor(start + (i + r()) * ((now - HOUR_MS - start) / n))
  const topicIndex = r() < BIG_SHARE ? 0 : 1 + Math.floor(r() * (topics.length - 1))
  const topic = topics[topicIndex]!
  const x = r()
  const status = created > now - PENDING_WINDOW_MS && r() < 0.1 / (PENDING_WINDOW_MS / (5 * YEAR_MS))
    ? 'pending'
    : x < 0.88 ? 'approved' : x < 0.95 ? 'rejected' : x < 0.975 ? 'removed' : 'withdrawn'
  const t = r()
  const level = t < 0.01 ? 'critical' : t < 0.05 ? 'high' : 'normal'
  const categories = level === 'critical' ? ['self_harm'] : level === 'high' ? [otherCategories[Math.floor(r() * 3)]!] : []
  const v = r()
  const verdict = v < 0.45 ? 'effective' : v < 0.8 ? 'ineffective' : NULL
  const published = status === 'approved' || status === 'removed' ? Math.min(now, created + Math.floor((1 + r() * 71) * HOUR_MS)) : null
  const harmReports = r() < 0.02 ? 1 + Math.floor(r() * 3) : 0
  const flagged = status === 'approved' && harmReports > 0 && r() < 0.05 ? published! + HOUR_MS : null
  const escalated = status === 'pending' && r() < 0.005 ? created + HOUR_MS : null
  const due = (flagged ?? created) + dueMinutes[level] * 60_000
  const needsDecision = status === 'pending' || flagged !== null
  const overdueNotified = needsDecision && due < now ? due : null
  const withdrawn = status === 'withdrawn'
  const author = r() < 0.4 ? names[Math.floor(r() * names.length)]! : NULL
  const email = r() < 0.1 ? `reader${i}@example.org` : NULL
  const version = status === 'pending' ? 1 : status === 'removed' ? 3 : 2
  const updated = Math.max(created, published ?? 0, flagged ?? 0)
  const warnings = status === 'approved' && categories.length > 0 ? `{${categories.join(',')}}` : '{}'
  const fields = [
    uuidV7(created, r), topic.siteId, topic.id,
    withdrawn ? '' : esc(title(r)), withdrawn ? '' : esc(body(r)),
    withdrawn ? NULL : author, withdrawn ? NULL : email, verdict, 't', r() < 0.6 ? 't' : 'f',
    status, level, `{${categories.join(',')}}`, '[]', warnings, '[]',
    fakeHash(r), String(version), String(harmReports), ts(flagged), ts(escalated), ts(overdueNotified),
    ts(created), ts(updated), ts(published),
  ]
  return { line: fields.join('\t') + '\n', pending: status === 'pending' }
}

async function createSitesAndTopics (client: pg.Client): Promise<TopicRow[]> {
  const topics: TopicRow[] = []
  for (const site of [...seededSites, writeTopic.site]) {
    const siteId = randomUUID()
    await client.query('INSERT INTO sites (id, slug, name, allowed_origins, updated_at) VALUES ($1, $2, $3, $4, now())',
      [siteId, site, `Bench site ${site}`, [`https://${site}.example`]])
    for (const slug of topicSlugs[site] ?? [writeTopic.topic]) {
      const id = randomUUID()
      await client.query('INSERT INTO topics (id, site_id, slug, title, question, updated_at) VALUES ($1, $2, $3, $4, $5, now())',
        [id, siteId, slug, `About ${slug}`, `Did ${slug} help you?`])
      if (site !== writeTopic.site) topics.push({ id, siteId })
    }
  }
  return topics // topics[0] is alpha/reiki, the big one
}

/** How many seeded stories the database holds (0 if it has no schema yet). */
export async function seededCount (url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM stories s JOIN sites si ON si.id = s.site_id WHERE si.slug <> $1`, [writeTopic.site])
    return Number(rows[0]?.n ?? 0)
  } catch {
    return 0
  } finally {
    await client.end().catch(() => {})
  }
}

export interface SeedResult { stories: number, pending: number, seconds: number, rowsPerSecond: number, indexSeconds: number }

/** Recreates the (candor_bench*) database, migrates it and loads `n` stories. */
/**
 * The counters the stories triggers keep (topic tallies, research day counts) are rebuilt from the
 * table: COPY ran with triggers off (session_replication_role = replica), so they missed every row.
 */
export async function rebuildCounters (client: pg.ClientBase): Promise<void> {
  await client.query('TRUNCATE topic_counts, research_daily_counts, research_count_deltas')
  await client.query(`
    INSERT INTO topic_counts (topic_id, verdict, count)
    SELECT topic_id, COALESCE(verdict::text, 'unrated'), count(*)::int FROM stories
    WHERE status = 'approved' AND parent_id IS NULL GROUP BY 1, 2`)
  await client.query(`
    INSERT INTO research_daily_counts (topic_id, day, status, verdict, triage_level, categories, count)
    SELECT topic_id, research_day(created_at), status, COALESCE(verdict::text, 'unrated'), triage_level,
           research_categories(triage_categories), count(*)::int
    FROM stories WHERE parent_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6`)
}

export async function seed (url: string, n: number, log: (line: string) => void = console.log): Promise<SeedResult> {
  const started = performance.now()
  await ensureDatabase(url, true)
  await applyMigrations(url)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const topics = await createSitesAndTopics(client)
    // Load without the secondary indexes and FK triggers, then build the indexes once (their exact
    // definitions are read back from the catalogue, so they always match the migrations).
    const { rows: indexes } = await client.query<{ indexname: string, indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'stories' AND indexname <> 'stories_pkey'`)
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.indexname}"`)
    await client.query(`SET session_replication_role = replica`).catch(() => { log('(not superuser: FK checks stay on during COPY)') })
    const stream = client.query(copyFrom(`COPY stories (${copyColumns.join(', ')}) FROM STDIN`))
    const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject) })
    const r = rng(20261126)
    const now = Date.now()
    let pending = 0
    let chunk = ''
    for (let i = 0; i < n; i++) {
      const row = storyLine(i, n, now, topics, r)
      if (row.pending) pending++
      chunk += row.line
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve))
        chunk = ''
      }
      if (i > 0 && i % 200_000 === 0) log(`  ${i.toLocaleString('en')} rows, ${Math.round(i / ((performance.now() - started) / 1000)).toLocaleString('en')} rows/s`)
    }
    stream.end(chunk)
    await done
    await client.query(`SET session_replication_role = DEFAULT`).catch(() => {})
    const loaded = performance.now()
    await client.query(`SET maintenance_work_mem = '1GB'`)
    for (const ix of indexes) await client.query(ix.indexdef)
    await rebuildCounters(client)
    await client.query('VACUUM (ANALYZE) stories')
    await client.query('ANALYZE')
    const seconds = (performance.now() - started) / 1000
    const result = { stories: n, pending, seconds, rowsPerSecond: n / seconds, indexSeconds: (performance.now() - loaded) / 1000 }
    log(`seeded ${n.toLocaleString('en')} stories (${pending.toLocaleString('en')} pending) into ${databaseName(url)} in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s overall; indexes + VACUUM ANALYZE ${result.indexSeconds.toFixed(1)} s)`)
    return result
  } finally {
    await client.end()
  }
}

/** A moderator key covering the three seeded sites (for the queue scenario). */
export async function createBenchKey (url: string): Promise<string> {
  const db = createDb(url, 1)
  try {
    const { key } = await createApiKey(db, { name: `bench ${new Date().toISOString()}`, role: 'moderator', sites: [...seededSites] })
    return key
  } finally {
    await db.$disconnect()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2))
  const n = numberArg(args, 'stories', 1_000_000)
  // --database-url names the exact database (it must be candor_bench*: it is recreated); otherwise
  // candor_bench_<N> on DATABASE_URL's server, or on an embedded server (keep it with --data-dir).
  const exact = args.get('database-url')
  const server = await openServer(exact ?? process.env.DATABASE_URL, args.get('data-dir'))
  const url = exact ?? withDatabase(server.url, `candor_bench_${n}`)
  try {
    await seed(url, n)
    console.log(`moderator key for ${seededSites.join(', ')}: ${await createBenchKey(url)}`)
  } finally {
    await server.stop()
  }
}
