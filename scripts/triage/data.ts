// The labelled data of triage: hand labels of corpus items (data/triage/labels.jsonl, text read at run
// time from ../shared/triage-corpus, never stored here), the project's own written examples
// (data/triage/written/*.jsonl) and the harm-eval dev set. Each item says its source, so training
// can keep to the sources whose terms allow it and figures can be given per source.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { HarmCategory, TriageLevel } from '../../src/triage/types.js'

export type Context = 'past_relieved' | 'other_person' | 'condition'

export interface LabelledItem {
  id: string
  source: string
  title: string
  body: string
  level: TriageLevel
  categories: HarmCategory[]
  context: Context[]
}

export interface Label {
  id: string
  level: TriageLevel
  categories: HarmCategory[]
  context?: Context[]
  labeller?: string
}

const root = resolve(import.meta.dirname, '../..')
export const DATA_DIR = resolve(root, 'data/triage')
export const CORPUS_DIR = resolve(process.env.TRIAGE_CORPUS ?? resolve(root, '../shared/triage-corpus'))
export const DEV_SET = resolve(process.env.TRIAGE_DEV ?? resolve(root, '../shared/harm-eval/dev.jsonl'))

/** Sources whose terms allow shipping what is learned from them (the corpus README). */
export const TRAINABLE_SOURCES = new Set(['druglib', 'written'])

/** The research-only items whose errors an analyst read to describe failure patterns for the
 *  written examples (ids whose SHA-256 starts below 0x80; MODEL_CARD.md): figures on the other half
 *  are the least selected. */
export const readForErrorAnalysis = (id: string): boolean => (createHash('sha256').update(id).digest()[0] as number) < 0x80

/** The sources among labelled corpus items whose terms allow only measuring and error analysis. */
export const researchOnlySources = (items: LabelledItem[]): string[] =>
  [...new Set(items.map((x) => x.source))].filter((s) => !TRAINABLE_SOURCES.has(s)).sort()

const CORPUS_FILES: Record<string, string> = {
  druglib: 'druglib-reviews.jsonl',
  psytar: 'askapatient-psytar.jsonl',
  cadec: 'askapatient-cadec.jsonl',
  sdcnl: 'reddit-sdcnl.jsonl',
}

export function readJsonl<T> (file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T)
}

type CorpusRecord = Record<string, unknown> & { id: string }

/** A corpus record as triage sees it: a Druglib review's three fields in order, a post's body. */
export function storyOf (r: CorpusRecord): { title: string, body: string } {
  const s = (k: string): string => (typeof r[k] === 'string' ? r[k] as string : '')
  if (r.id.startsWith('druglib')) {
    return {
      title: `${s('drug')} review`,
      body: [`Condition: ${s('condition')}`, `Benefits: ${s('benefitsReview')}`, `Side effects: ${s('sideEffectsReview')}`,
        `Comments: ${s('commentsReview')}`].join('\n'),
    }
  }
  if (r.id.startsWith('sdcnl')) return { title: s('title'), body: s('body') }
  return { title: `${s('drug')} review`, body: s('body') }
}

export const sourceOf = (id: string): string => id.split('-')[0] === 'w' ? 'written' : id.split('-')[0] as string

export function corpusAvailable (): boolean {
  return existsSync(resolve(CORPUS_DIR, CORPUS_FILES.druglib as string))
}

/** Every corpus record by id (the corpus must be present: see corpusAvailable). */
export function readCorpus (): Map<string, CorpusRecord> {
  const byId = new Map<string, CorpusRecord>()
  for (const file of Object.values(CORPUS_FILES)) {
    for (const r of readJsonl<CorpusRecord>(resolve(CORPUS_DIR, file))) byId.set(r.id, r)
  }
  return byId
}

/** The hand-labelled corpus items with their text, from labels.jsonl (or another labels file). */
export function labelledCorpus (labelsFile = resolve(DATA_DIR, 'labels.jsonl')): LabelledItem[] {
  const corpus = readCorpus()
  return readJsonl<Label>(labelsFile).map((l) => {
    const r = corpus.get(l.id)
    if (r === undefined) throw new Error(`label for an unknown corpus item: ${l.id}`)
    return { id: l.id, source: sourceOf(l.id), ...storyOf(r), level: l.level, categories: l.categories, context: l.context ?? [] }
  })
}

/** The project's own written examples. */
export function writtenExamples (): LabelledItem[] {
  const dir = resolve(DATA_DIR, 'written')
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) =>
    readJsonl<LabelledItem>(resolve(dir, f)).map((x) => ({ ...x, source: 'written', context: x.context ?? [] })))
}

/** Stories an earlier session wrote as test fixtures (tests/triage/fixtures/extra.jsonl): written by
 *  the project in other words than the training examples, kept for measuring, never trained on. */
export function extraSet (): LabelledItem[] {
  return readJsonl<LabelledItem>(resolve(root, 'tests/triage/fixtures/extra.jsonl')).map((x) => ({ ...x, source: 'extra', context: [] }))
}

/** Examples written like the training ones but by later writing sessions, in other voices, and
 *  kept out of training to measure on (data/triage/held-out/); each file is its own source. */
export function heldOutWritten (): LabelledItem[] {
  const dir = resolve(DATA_DIR, 'held-out')
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) =>
    readJsonl<LabelledItem>(resolve(dir, f)).map((x) => ({ ...x, source: `held-out ${f.replace(/\.jsonl$/, '')}`, context: x.context ?? [] })))
}

/** The harm-eval dev set (written for this project; kept for measuring, never trained on). */
export function devSet (): LabelledItem[] {
  if (!existsSync(DEV_SET)) return []
  return readJsonl<LabelledItem>(DEV_SET).map((x) => ({ ...x, source: 'dev', context: [] }))
}
