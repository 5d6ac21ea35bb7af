// A researcher's first hour: the CSV export and the ratings loaded into pandas with only the
// dictionary's types (tests/research/first-hour.py, the README's lines) give the API's counts and
// intervals. Skipped, saying why, where python3 with pandas is missing (CI installs python3-pandas).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic } from '../helpers/factories.js'
import { insertStories } from '../helpers/research-stories.js'

// The first Python that has pandas: $PYTHON, then the one on PATH (may be a pyenv shim), then Debian's.
const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find((p) => p && spawnSync(p, ['-c', 'import pandas']).status === 0)
const skip = python ? false : 'python3 with pandas is not installed (apt-get install -y python3-pandas): the pandas load is not checked'

t.test('pandas loads the export and the ratings with the dictionary types and gets the same counts and intervals', { skip }, async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  await insertStories(db, site, topic, 14, { verdict: 'effective', createdAt: '2024-01-10T08:00:00Z' })
  await insertStories(db, site, topic, 11, { verdict: 'ineffective', categories: ['abuse', 'physical_harm'], createdAt: '2024-02-20T08:00:00Z' })
  await insertStories(db, site, topic, 10, { verdict: null, createdAt: '2024-02-21T08:00:00Z' })
  await insertStories(db, site, topic, 10, { status: 'rejected', verdict: 'ineffective' })
  const get = async (url: string) => (await app.inject({ url, headers: bearer(researcher) })).body
  const dir = mkdtempSync(join(tmpdir(), 'candor-first-hour-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const files = { dictionary: join(dir, 'dictionary.json'), stories: join(dir, 'stories.csv'), ratings: join(dir, 'ratings.csv') }
  writeFileSync(files.dictionary, await get('/v1/research/dictionary'))
  writeFileSync(files.stories, await get(`/v1/research/stories?site=${site.slug}&format=csv`))
  writeFileSync(files.ratings, await get(`/v1/research/ratings?site=${site.slug}&format=csv`))
  const api = JSON.parse(await get(`/v1/research/ratings?site=${site.slug}`))
  const monthly = JSON.parse(await get(`/v1/research/ratings?site=${site.slug}&interval=month`))

  const run = spawnSync(python!, [new URL('./first-hour.py', import.meta.url).pathname, files.dictionary, files.stories, files.ratings], { encoding: 'utf8' })
  t.equal(run.status, 0, run.stderr)
  const py = JSON.parse(run.stdout)
  const row = api.rows[0]
  t.match(py.dtypes, { 'ratings.n': 'Int64', 'ratings.effectiveShare': 'Float64', 'ratings.ciUpper': 'Float64', 'ratings.suppressed': 'boolean', 'stories.readerRatingCount': 'Int64', 'stories.verdict': 'string' }, 'columns typed from the dictionary alone')
  t.same(py.ratings, { n: row.n, effective: row.effective, ineffective: row.ineffective, unrated: row.unrated, ci95: [row.ci.lower, row.ci.upper], suppressed: false }, 'the ratings CSV in pandas is the API answer')
  t.same({ effective: py.stories.effective, ineffective: py.stories.ineffective, unrated: py.stories.unrated, ci95: py.stories.ci95 },
    { effective: row.effective, ineffective: row.ineffective, unrated: row.unrated, ci95: [row.ci.lower, row.ci.upper] }, 'counted from the export, the same counts and Wilson interval')
  t.equal(py.stories.rows, 35, 'rejected stories are neither exported nor counted')
  t.equal(py.stories.multiCategory, 11, "';'-joined categories survive the load")
  for (const r of monthly.rows.filter((r: { n: number }) => r.n > 0)) {
    const month = r.periodStart.slice(0, 7)
    t.equal(py.stories.byMonth[`${month}|effective`] ?? 0, r.effective, `${month}: effective`)
    t.equal(py.stories.byMonth[`${month}|ineffective`] ?? 0, r.ineffective, `${month}: ineffective`)
  }
})
