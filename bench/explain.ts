// Prints EXPLAIN (ANALYZE, BUFFERS) for the SQL the app really issues on its hot paths, captured from Prisma's query log.
// `npx tsx bench/explain.ts [--stories 1000000] [--database-url URL]` (same database naming as bench/run.ts).
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '../src/generated/prisma/client.js'
import type { Db } from '../src/db/client.js'
import { listComments } from '../src/comments/comments.js'
import { siteIdsInScope } from '../src/keys/api-keys.js'
import { moderationQueue } from '../src/moderation/queue.js'
import { topicRatings } from '../src/ratings/topic-ratings.js'
import { findTopic } from '../src/sites/sites.js'
import { getPublicStory, listPublicStories } from '../src/stories/public-stories.js'
import { numberArg, openServer, parseArgs, withDatabase } from './common.js'
import { gatherInputs } from './scenarios.js'
import { bigTopic, seededSites } from './seed.js'

interface Captured { query: string, params: unknown[] }

/** Runs `fn` against a Prisma client and a pg pool (for prepared statements) that record every statement they send. */
async function capture (url: string, fn: (db: Db, pool: pg.Pool) => Promise<unknown>): Promise<Captured[]> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }), log: [{ level: 'query', emit: 'event' }] })
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const seen: Captured[] = []
  db.$on('query', (e) => { seen.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }) })
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>
  pool.query = (async (config: pg.QueryConfig) => {
    seen.push({ query: config.text, params: config.values ?? [] })
    return await query(config)
  }) as typeof pool.query
  try {
    await fn(db as unknown as Db, pool)
    await fn(db as unknown as Db, pool) // twice: the second run is warm; keep its statements
    return seen.slice(seen.length / 2)
  } finally {
    await db.$disconnect()
    await pool.end()
  }
}

const skip = /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1)\b/i

async function explain (client: pg.Client, title: string, statements: Captured[]): Promise<string> {
  let out = `### ${title}\n`
  for (const s of statements.filter((x) => !skip.test(x.query))) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.params)
    out += `\n\`\`\`sql\n${s.query}\n-- params: ${JSON.stringify(s.params).slice(0, 300)}\n\`\`\`\n\`\`\`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`
  }
  return out
}

const args = parseArgs(process.argv.slice(2))
const stories = numberArg(args, 'stories', 1_000_000)
const exact = args.get('database-url')
const server = await openServer(exact ?? process.env.DATABASE_URL, args.get('data-dir'))
const url = exact ?? withDatabase(server.url, `candor_bench_${stories}`)
const client = new pg.Client({ connectionString: url })
try {
  await client.connect()
  const inputs = await gatherInputs(url)
  const { rows: siteRows } = await client.query<{ id: string, slug: string }>('SELECT id, slug FROM sites WHERE slug = ANY($1)', [[...seededSites]])
  const principal = { keyId: '00000000-0000-7000-8000-000000000000', role: 'moderator' as const, sites: new Map(siteRows.map((s) => [s.id, s.slug])) }
  const topicOf = async (db: Db) => await findTopic(db, bigTopic.site, bigTopic.topic)
  const topic = await capture(url, topicOf)
  const sections = [
    await explain(client, 'findTopic (every public topic route)', topic),
    await explain(client, 'ratings: the topic\'s counters (topic_counts; the app keeps the result 1 s)', (await capture(url, async (db) => await topicRatings(db, (await topicOf(db)).id))).slice(topic.length)),
    await explain(client, 'public list, page 1', (await capture(url, async (db, pool) => await listPublicStories(pool, (await topicOf(db)).id, { limit: 20 }))).slice(topic.length)),
    await explain(client, `public list, ${inputs.deepOffset.toLocaleString('en')} rows deep`, (await capture(url, async (db, pool) => await listPublicStories(pool, (await topicOf(db)).id, { limit: 20, cursor: inputs.deepCursor }))).slice(topic.length)),
    await explain(client, 'story by id', await capture(url, async (_db, pool) => await getPublicStory(pool, inputs.storyIds[0]!))),
    await explain(client, 'public list, page 1, most helpful first', (await capture(url, async (db, pool) => await listPublicStories(pool, (await topicOf(db)).id, { limit: 20, sort: 'helpful' }))).slice(topic.length)),
    await explain(client, "a story's approved comments, first page", await capture(url, async (db) => await listComments(db, inputs.storyIds[0]!, { limit: 20 }))),
    await explain(client, 'moderation queue, first page (moderator of the three seeded sites; a prepared statement in the app)', await capture(url, async (db, pool) => await moderationQueue(pool, await siteIdsInScope(db, principal, undefined), { escalated: false, limit: 20 }))),
  ]
  console.log(sections.join('\n'))
} finally {
  await client.end()
  await server.stop()
}
