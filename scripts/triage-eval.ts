// Measures harm triage on a labelled JSONL set: `npx tsx scripts/triage-eval.ts FILE.jsonl
// [--url http://host:port --key APIKEY]`; triages in-process by default, or through the API's
// POST /v1/moderation/triage with --url; prints the four figures and every misclassified story.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { triage } from '../src/triage/triage.js'
import type { HarmCategory, TriageLevel } from '../src/triage/types.js'

interface Labelled {
  id: string
  title: string
  body: string
  level: TriageLevel
  categories: HarmCategory[]
}

interface Result {
  level: TriageLevel
  categories: HarmCategory[]
}

export interface Figures {
  stories: number
  harmRecall: number
  criticalRecall: number
  falseAlarmRate: number
  categoryAgreement: number
  misses: Array<{ id: string, expected: Result, got: Result }>
}

const harmful = (level: TriageLevel): boolean => level === 'high' || level === 'critical'
const share = (n: number, of: number): number => (of === 0 ? 1 : n / of)

/** The four figures of the harm-eval README for labelled stories and their triage. */
export function score (pairs: Array<{ story: Labelled, got: Result }>): Figures {
  let harm = 0; let harmHit = 0; let crit = 0; let critHit = 0; let normal = 0; let alarms = 0; let agree = 0
  const misses: Figures['misses'] = []
  for (const { story, got } of pairs) {
    const coversLabels = story.categories.every((c) => got.categories.includes(c))
    if (harmful(story.level)) {
      harm++
      if (harmful(got.level)) harmHit++
      if (coversLabels) agree++
    } else {
      normal++
      if (harmful(got.level)) alarms++
    }
    if (story.level === 'critical') {
      crit++
      if (got.level === 'critical') critHit++
    }
    if (got.level !== story.level || !coversLabels) {
      misses.push({ id: story.id, expected: { level: story.level, categories: story.categories }, got })
    }
  }
  return {
    stories: pairs.length,
    harmRecall: share(harmHit, harm),
    criticalRecall: share(critHit, crit),
    falseAlarmRate: normal === 0 ? 0 : alarms / normal,
    categoryAgreement: share(agree, harm),
    misses,
  }
}

/** Parse a JSONL file of labelled stories (blank lines ignored). */
export async function readStories (file: string): Promise<Labelled[]> {
  const text = await readFile(file, 'utf8')
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Labelled)
}

async function viaApi (url: string, key: string | undefined, story: Labelled): Promise<Result> {
  const res = await fetch(new URL('/v1/moderation/triage', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ title: story.title, body: story.body }),
  })
  if (!res.ok) throw new Error(`${story.id}: HTTP ${res.status} ${await res.text()}`)
  const body = await res.json() as Result
  return { level: body.level, categories: body.categories }
}

async function main (): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, key: { type: 'string' } },
  })
  const file = positionals[0]
  if (file === undefined) {
    console.error('usage: npx tsx scripts/triage-eval.ts FILE.jsonl [--url http://host:port --key APIKEY]')
    process.exit(2)
  }
  const stories = await readStories(file)
  const pairs: Array<{ story: Labelled, got: Result }> = []
  for (const story of stories) {
    const got = values.url === undefined ? triage(story) : await viaApi(values.url, values.key, story)
    pairs.push({ story, got })
  }
  const f = score(pairs)
  const pct = (x: number): string => x.toFixed(3)
  console.log(`stories            ${f.stories}`)
  console.log(`harm recall        ${pct(f.harmRecall)}   (bar >= 0.95)`)
  console.log(`critical recall    ${pct(f.criticalRecall)}   (bar = 1.00)`)
  console.log(`false-alarm rate   ${pct(f.falseAlarmRate)}   (bar <= 0.10)`)
  console.log(`category agreement ${pct(f.categoryAgreement)}   (bar >= 0.85)`)
  console.log(`misclassified      ${f.misses.length}`)
  for (const m of f.misses) {
    const show = (r: Result): string => `${r.level} [${r.categories.join(',')}]`
    console.log(`  ${m.id}: expected ${show(m.expected)}, got ${show(m.got)}`)
  }
}

// Run only as a script, so tests can import score() and readStories().
const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) await main()
