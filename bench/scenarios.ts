// The measured scenarios: what each one requests, and the inputs it needs from the seeded database.
import pg from 'pg'
import { encodeCursor } from '../src/items/cursor.js'
import { load, type LoadOptions, type LoadResult } from './load.js'
import { bigTopic, writeTopic } from './seed.js'
import { body, rng, title } from './text.js'

export interface Inputs {
  /** Approved story ids to read at random (by-id scenario and the pg ceiling). */
  storyIds: string[]
  /** A cursor 1,000 pages of 20 deep into the big topic's public list. */
  deepCursor: string
  deepOffset: number
  /** Stories in the big topic that the ratings and list scenarios cover. */
  bigTopicApproved: number
  pending: number
}

export const DEEP_PAGES = 1000

export async function gatherInputs (databaseUrl: string): Promise<Inputs> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows: [topic] } = await client.query<{ id: string }>(
      'SELECT t.id FROM topics t JOIN sites s ON s.id = t.site_id WHERE s.slug = $1 AND t.slug = $2', [bigTopic.site, bigTopic.topic])
    if (!topic) throw new Error('the database is not seeded (no alpha/reiki topic)')
    const { rows: [counts] } = await client.query<{ approved: string, pending: string }>(
      `SELECT count(*) FILTER (WHERE topic_id = $1 AND status = 'approved') AS approved,
              count(*) FILTER (WHERE status = 'pending') AS pending FROM stories`, [topic.id])
    const approved = Number(counts?.approved ?? 0)
    const deepOffset = Math.min(DEEP_PAGES * 20, Math.max(0, approved - 21))
    const { rows: [deep] } = await client.query<{ id: string, published_at: Date }>(
      `SELECT id, published_at FROM stories WHERE topic_id = $1 AND status = 'approved'
       ORDER BY published_at DESC, id DESC OFFSET $2 LIMIT 1`, [topic.id, Math.max(0, deepOffset - 1)])
    if (!deep) throw new Error('the big topic has no approved stories')
    const { rows: ids } = await client.query<{ id: string }>(
      `SELECT id FROM stories TABLESAMPLE SYSTEM (5) REPEATABLE (7) WHERE status = 'approved' LIMIT 20000`)
    return {
      storyIds: ids.map((r) => r.id),
      deepCursor: encodeCursor({ at: deep.published_at, id: deep.id }),
      deepOffset,
      bigTopicApproved: approved,
      pending: Number(counts?.pending ?? 0),
    }
  } finally {
    await client.end()
  }
}

export interface Settings { connections: number, durationSeconds: number, warmupSeconds: number }

const topicPath = `/v1/sites/${bigTopic.site}/topics/${bigTopic.topic}`
export const paths = {
  ratings: `${topicPath}/ratings`,
  listFirst: `${topicPath}/stories?limit=20`,
  listDeep: (cursor: string) => `${topicPath}/stories?limit=20&cursor=${encodeURIComponent(cursor)}`,
  submit: `/v1/sites/${writeTopic.site}/topics/${writeTopic.topic}/stories`,
  queue: '/v1/moderation/queue',
}

function randomPath (list: string[], prefix: string): () => { path: string } {
  let i = 0
  const r = rng(42)
  return () => ({ path: `${prefix}${list[(Math.floor(r() * list.length) + i++) % list.length]}` })
}

const base = (url: string, s: Settings): Pick<LoadOptions, 'url' | 'connections' | 'durationSeconds' | 'warmupSeconds'> =>
  ({ url, connections: s.connections, durationSeconds: s.durationSeconds, warmupSeconds: s.warmupSeconds })

export const runConstantCeiling = (url: string, s: Settings): Promise<LoadResult> => load({ ...base(`${url}/`, s) })

export const runPgCeiling = (url: string, s: Settings, inputs: Inputs): Promise<LoadResult> =>
  load({ ...base(url, s), next: randomPath(inputs.storyIds, '/story/') })

export const runGet = (url: string, path: string, s: Settings, headers?: Record<string, string>): Promise<LoadResult> =>
  load({ ...base(url + path, s), ...(headers ? { headers } : {}) })

export const runStoryById = (url: string, s: Settings, inputs: Inputs): Promise<LoadResult> =>
  load({ ...base(url, s), next: randomPath(inputs.storyIds, '/v1/stories/') })

export interface SubmitResult extends LoadResult {
  /** Ids the server answered 201 for, and how many of them the database holds afterwards. */
  acknowledged: number
  durable: number
}

/** POSTs distinct, valid submissions; then checks that every acknowledged id is in the database. */
export async function runSubmit (url: string, s: Settings, databaseUrl: string): Promise<SubmitResult> {
  const r = rng(Date.now() % 1_000_000)
  let n = 0
  const ids: string[] = []
  const result = await load({
    ...base(url + paths.submit, s),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Each submission claims its own visitor (X-Forwarded-For; the app runs with TRUST_PROXY=loopback), as real
    // traffic would. NB: Fastify 5.12 ignores hop-count trust (fails closed), so today the app still sees one
    // client for all of them; see bench/README.md.
    next: () => {
      const i = n++
      return {
        path: paths.submit,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ title: `${title(r)} ${i}`, body: body(r), verdict: r() < 0.55 ? 'effective' : 'ineffective', consent: { publish: true } }),
      }
    },
    onResponse: (status, text) => {
      if (status === 201) ids.push((JSON.parse(text) as { id: string }).id)
    },
  })
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows: [found] } = await client.query<{ n: string }>('SELECT count(*) AS n FROM stories WHERE id = ANY($1::uuid[])', [ids])
    return { ...result, acknowledged: ids.length, durable: Number(found?.n ?? 0) }
  } finally {
    await client.end()
  }
}

/** Checks a GET answers 2xx before it is measured, so a broken scenario fails loudly rather than fast. */
export async function probe (url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { headers })
  const text = await res.text()
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as unknown
}
