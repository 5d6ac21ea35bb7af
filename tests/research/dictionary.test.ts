// The data dictionary is a valid Frictionless Data Package (the official v1 profiles, run with ajv),
// and every cell of the ratings CSV and of the stories CSV and NDJSON exports casts with it.
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic } from '../helpers/factories.js'
import { insertStories } from '../helpers/research-stories.js'
import { castCell, castErrors, ndjsonCell, profileErrors, type TableSchema } from './table-schema.js'

t.test('the dictionary passes the Data Package and Table Schema profiles; the profiles refuse what they should', async (t) => {
  const { app, db } = await buildTestApp(t)
  const researcher = await apiKey(db, 'researcher', [(await siteWithTopic(db)).site.slug])
  const dict = (await app.inject({ url: '/v1/research/dictionary', headers: bearer(researcher) })).json()
  t.same(profileErrors(dict), [], 'valid Data Package, valid Table Schemas')
  for (const r of dict.resources) {
    t.same(r.schema.missingValues, [''], `${r.name}: empty cells are the declared missing value`)
    for (const f of r.schema.fields) t.notOk(f.constraints?.enum?.includes(null), `${r.name}.${f.name}: no null in an enum`)
  }

  const verdict = dict.resources[1].schema.fields.find((f: { name: string }) => f.name === 'verdict')
  verdict.constraints.enum.push(null)
  t.match(profileErrors(dict), [/stories\.schema\/fields\/5/], 'null in an enum is refused, as tableschema refuses it')
  t.match(profileErrors({ ...dict, resources: [{ ...dict.resources[0], schema: { fields: [{ name: 'x', type: 'list', delimiter: ';' }] } }] }), [/ratings\.schema\/fields\/0/],
    'the v1 profiles know no list type: a delimited list is a string with a pattern')
})

t.test('every column of the CSV and NDJSON exports and the ratings CSV casts with the declared type, format and constraints', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const researcher = await apiKey(db, 'researcher', [site.slug])
  await insertStories(db, site, topic, 12, { verdict: 'effective', createdAt: '2024-01-10T08:00:00Z' })
  await insertStories(db, site, topic, 3, { verdict: 'ineffective', categories: ['abuse', 'trauma_response'], createdAt: '2024-02-20T08:00:00Z' })
  await insertStories(db, site, topic, 2, { verdict: null, categories: ['self_harm'], createdAt: '2024-04-02T08:00:00Z' })
  await db.story.updateMany({ where: { verdict: 'ineffective' }, data: { contentWarnings: ['abuse', 'flashing_lights'] } })
  const [rated] = await db.story.findMany({ take: 1 })
  await db.readerRating.createMany({ data: [3, 4, 4].map((stars, i) => ({ storyId: rated!.id, stars, raterHash: `r${i}`, networkHash: 'n' })) })
  const dict = (await app.inject({ url: '/v1/research/dictionary', headers: bearer(researcher) })).json()
  const [ratingsSchema, storiesSchema] = dict.resources.map((r: { schema: TableSchema }) => r.schema) as [TableSchema, TableSchema]

  const csv = (await app.inject({ url: `/v1/research/stories?site=${site.slug}&format=csv`, headers: bearer(researcher) })).body
  const records = parse(csv, { columns: true }) as Record<string, string>[]
  t.equal(records.length, 17)
  t.same(castErrors(storiesSchema, records), [], 'stories CSV')
  t.ok(records.some((r) => r.verdict === '') && records.some((r) => r.triageCategories === 'abuse;trauma_response') && records.some((r) => r.readerRatingAverage !== ''),
    'the rows exercise missing verdicts, lists and reader ratings')
  t.ok(records.some((r) => r.contentWarnings === 'abuse;flashing_lights'))

  const ndjson = (await app.inject({ url: `/v1/research/stories?site=${site.slug}&format=ndjson`, headers: bearer(researcher) })).body
  const rows = ndjson.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  t.same(castErrors(storiesSchema, rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, ndjsonCell(v)])))), [], 'stories NDJSON')

  for (const q of ['interval=month', 'interval=none', 'interval=month&from=2023-11-01&to=2024-05-31']) {
    const res = await app.inject({ url: `/v1/research/ratings?site=${site.slug}&format=csv&${q}`, headers: bearer(researcher) })
    const ratings = parse(res.body, { columns: true }) as Record<string, string>[]
    t.ok(ratings.length > 0)
    t.same(castErrors(ratingsSchema, ratings), [], `ratings CSV, ${q}`)
  }
  const withheld = parse((await app.inject({ url: `/v1/research/ratings?site=${site.slug}&format=csv&interval=month`, headers: bearer(researcher) })).body, { columns: true }) as Record<string, string>[]
  t.ok(withheld.some((r) => r.suppressed === 'true' && r.n === ''), 'withheld cells are cast as missing values')

  const field = (schema: TableSchema, name: string) => schema.fields.find((f) => f.name === name)!
  t.throws(() => castCell(storiesSchema, field(storiesSchema, 'triageCategories'), 'abuse;spam'), /does not match/, 'the reader refuses what the dictionary excludes')
  t.throws(() => castCell(storiesSchema, field(storiesSchema, 'submittedMonth'), ''), /required/)
  t.throws(() => castCell(ratingsSchema, field(ratingsSchema, 'ciUpper'), '1.2'), />/)
  t.throws(() => castCell(storiesSchema, field(storiesSchema, 'verdict'), 'maybe'), /enum/)
})
