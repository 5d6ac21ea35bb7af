// npm run triage:eval: the four triage figures of the shipped model, per source, with 95% intervals
// and a confusion matrix of levels, on
//  - the hand-labelled corpus items (text read from ../shared/triage-corpus; skipped when absent),
//    marked "trained on" for the sources the model learned from (their honest figures are the
//    cross-validated ones that npm run triage:train prints), and for the research-only sources also
//    the half whose errors were not read for the written examples;
//  - the harm-eval dev set (never trained on);
//  - hostile copies of the dev set: the same stories with invisible characters, look-alike letters,
//    full-width forms and digit substitutions worked into the words that carry the harm.
// With --url (and --key), every story goes through POST /v1/moderation/triage of a running service;
// with --model DIR, the model in DIR (npm run triage:train -- --out DIR) triages instead of the shipped
// one; --errors lists the id, expected and found level and categories of every story triaged wrong.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { scorerIn } from '../../src/triage/model/scorer.js'
import { triage } from '../../src/triage/triage.js'
import type { HarmCategory, TriageLevel } from '../../src/triage/types.js'
import { TRAINABLE_SOURCES, corpusAvailable, devSet, readForErrorAnalysis, researchOnlySources, extraSet, heldOutWritten, labelledCorpus, type LabelledItem } from './data.js'
import { confusionTable, figures, report, type Outcome } from './figures.js'
import { disguise } from './hostile.js'

interface Got { level: TriageLevel, categories: HarmCategory[] }

async function viaApi (url: string, key: string | undefined, item: LabelledItem): Promise<Got> {
  const res = await fetch(new URL('/v1/moderation/triage', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ title: item.title, body: item.body }),
  })
  if (!res.ok) throw new Error(`${item.id}: HTTP ${res.status} ${await res.text()}`)
  const body = await res.json() as Got
  return { level: body.level, categories: body.categories }
}

async function main (): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, key: { type: 'string' }, model: { type: 'string' }, errors: { type: 'boolean' } } })
  const scorer = values.model === undefined ? undefined : scorerIn(pathToFileURL(`${resolve(values.model)}/`))
  const dev = devSet()
  const corpus = corpusAvailable() ? labelledCorpus() : []
  const items = [...corpus, ...dev, ...extraSet(), ...heldOutWritten(), ...dev.map((x, i) => disguise(x, 1000 + i))]
  if (items.length === 0) throw new Error('nothing to measure: neither ../shared/triage-corpus nor ../shared/harm-eval/dev.jsonl is here')
  const outcomes: Outcome[] = []
  for (const item of items) {
    const got = values.url === undefined ? triage(item, scorer) : await viaApi(values.url, values.key, item)
    outcomes.push({ id: item.id, expected: { level: item.level, categories: item.categories }, got: { level: got.level, categories: got.categories } })
  }
  const sources = [...new Set(items.map((x) => x.source))]
  const name = (s: string): string => (TRAINABLE_SOURCES.has(s) ? `${s} (trained on)` : s)
  const of = (s: string): Outcome[] => outcomes.filter((_, i) => items[i]?.source === s)
  // The half of each research-only source whose errors were not read for the written examples.
  const unread = researchOnlySources(corpus).map((s) => ({ name: `${s} unread half`, f: figures(of(s).filter((o) => !readForErrorAnalysis(o.id))) }))
  console.log(report([...sources.map((s) => ({ name: name(s), f: figures(of(s)) })), ...unread]))
  for (const s of sources) console.log(`\n${name(s)}, levels:\n${confusionTable(figures(of(s)))}`)
  if (values.errors !== true) return
  console.log('\ntriaged wrong (id: expected level and categories, then found):')
  for (const o of outcomes) {
    const same = o.expected.level === o.got.level && [...o.expected.categories].sort().join() === [...o.got.categories].sort().join()
    if (!same) console.log(`${o.id}: ${o.expected.level} ${o.expected.categories.join(',')} -> ${o.got.level} ${o.got.categories.join(',')}`)
  }
}

await main()
