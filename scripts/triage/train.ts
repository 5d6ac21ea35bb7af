// npm run triage:train: rebuild the shipped triage model from the labelled data, deterministically.
//  1. Items: hand-labelled corpus items from sources whose terms allow shipping (data.ts) and the
//     project's own written examples. Everything else labelled is only measured.
//  2. Five-fold cross-validation, stratified by source and level: out-of-fold scores for every item.
//     The stacked network (stacked.ts) is cross-validated on the same folds, with the linear heads'
//     out-of-fold scores among its inputs (as stacking does: those scores saw the other folds'
//     labels, a mild optimism in its own out-of-fold scores); a head it is mixed into (STACKED)
//     scores the sum of the two, each divided by its spread out of fold.
//  3. Per head, Platt calibration fitted to the out-of-fold scores, and on them a threshold (within
//     a false-alarm budget spent on self-harm first) and a floor below which the model overrules
//     the phrase layer (a false alarm weighed against a found harm, self-harm first); contexts 0.5.
//  4. The final heads are trained on every item, quantised to int8 and written beside the scorer
//     (src/triage/model/model.json, model.bin), the final network on every item's out-of-fold linear
//     scores, as float32 (stack.bin), with the training report (training-report.txt).
//  5. Figures: cross-validated for the trained-on sources; the shipped model for the others.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { HARM_CATEGORIES, levelFor, type HarmCategory } from '../../src/triage/types.js'
import { CONTEXTS, cutoffsOf, decide } from '../../src/triage/decide.js'
import { DIM, extractFeatures, type FamilyWeights, type Features } from '../../src/triage/model/features.js'
import { HEADS, LinearModel, calibrate, quantise, type Head, type HeadParams, type ModelMeta } from '../../src/triage/model/linear.js'
import { LearnedScorer } from '../../src/triage/model/scorer.js'
import { Stack, stackInputs } from '../../src/triage/model/stacked.js'
import { passages } from '../../src/triage/model/windows.js'
import { phraseTriage, type CueCounts } from '../../src/triage/phrases.js'
import { prepare } from '../../src/triage/text.js'
import { triage } from '../../src/triage/triage.js'
import { TRAINABLE_SOURCES, corpusAvailable, readForErrorAnalysis, researchOnlySources, devSet, extraSet, heldOutWritten, labelledCorpus, writtenExamples, type LabelledItem } from './data.js'
import { confusionTable, figures, report, rocAuc, type Figures, type Outcome } from './figures.js'
import { DEFAULTS as OPTIMISER_DEFAULTS, platt, rawScore, toExample, train, type Example, type Linear } from './logistic.js'
import { STACK_DEFAULTS, trainStack } from './stack.js'

const FOLDS = 5
const mapHeads = (f: (h: Head) => number): Record<Head, number> => Object.fromEntries(HEADS.map((h) => [h, f(h)])) as Record<Head, number>
/** What a false alarm costs against a found harm, when choosing how far the model may overrule the
 *  phrase layer: self-harm first, so a missed self-harm finding costs fifty false alarms. */
const FALSE_ALARM_COST: Record<HarmCategory, number> = { self_harm: 0.02, physical_harm: 1, trauma_response: 1, abuse: 0.5 }

/** The share of `normal` items each category may raise out of fold: the false-alarm budget spent on
 *  self-harm first, so that its threshold sits as low as the budget allows. Self-harm's share is 7%,
 *  which takes the sum past the bar's 10%: at 6% the critical recall of the training data out of
 *  fold (0.938) and of the written stories never trained on fell short, and critical recall comes
 *  first (compared 2026-11-30, MODEL_CARD.md). */
const ALARM_BUDGET: Record<HarmCategory, number> = { self_harm: 0.07, physical_harm: 0.025, trauma_response: 0.015, abuse: 0.01 }
/** The share of harmful items without the category that a `high` category may be raised on out of
 *  fold: a wrong category on a harmful story is a wrong content warning when it is published ("abuse"
 *  on a story of suicidal thoughts). Self-harm has none: raising it orders the queue, critical first. */
const WRONG_CATEGORY_BUDGET = 0.015
/** The least confidence at which a context may overrule the phrase layer's self-harm. The walk over
 *  the pooled data chose cuts as low as 0.59 once written stories of other people's harm were added,
 *  and below 0.8 real self-harm was lost: Druglib critical recall out of fold 0.939 at 0.8 against
 *  0.918 at 0.59, and three of 49 at 0.5 (2026-11-30). */
const CONTEXT_OVERRULE_MIN = 0.8

const label = (item: LabelledItem, head: Head): number =>
  (head === 'past_relieved' || head === 'other_person' ? (item.context as string[]).includes(head) : item.categories.includes(head as HarmCategory)) ? 1 : 0

/** Feature families and their weights: words, cues, context and vectors generalise to sources not
 *  trained on; word pairs and character n-grams mostly memorise the training sources' wording, so
 *  they count for less (measured on the held-out sources when the families were chosen). */
const FAMILY_DEFAULTS: FamilyWeights = { words: 1, pairs: 1, chars: 1, context: 1, cues: 1, vectors: 1 }

// CI rebuilds the model and fails unless it is the one that ships: npm run triage:train -- --check
// To compare configurations without touching the shipped model:
//   npm run triage:train -- --dry-run --families '{"pairs":0}' --alarm-cost '{"physical_harm":2}'
//   npm run triage:train -- --dry-run --alarm-budget '{"self_harm":0.08}'
//   npm run triage:train -- --dry-run --source-weights '{"druglib":3}' --optimiser '{"l2":1e-3}'
// and --dump-oof FILE writes each trained-on item's out-of-fold probabilities (ids, no text);
// --out DIR writes the model and its report to another folder, to triage with it (npm run triage:eval -- --model DIR);
// --dump-dense FILE the stacked network's inputs of every item, to compare networks outside the trainer.
const { values: options } = parseArgs({
  options: { out: { type: 'string' }, stack: { type: 'string' }, 'stack-options': { type: 'string' }, 'dry-run': { type: 'boolean' }, check: { type: 'boolean' }, families: { type: 'string' }, 'alarm-cost': { type: 'string' }, 'alarm-budget': { type: 'string' }, reads: { type: 'string' }, 'dump-oof': { type: 'string' }, 'dump-dense': { type: 'string' }, 'source-weights': { type: 'string' }, optimiser: { type: 'string' } },
})
/** Where the model is written and read for --check: beside the scorer unless --out says otherwise. */
const MODEL_DIR = options.out === undefined ? new URL('../../src/triage/model/', import.meta.url) : pathToFileURL(`${resolve(options.out)}/`)
/** Whole texts (the default) or passages with multiple-instance training (--reads passages). Measured
 *  both ways: passages gave fewer false alarms and lower recall on every held-out source; recall
 *  comes first, so the shipped model reads whole texts (the model card has the figures). */
const READS: ModelMeta['reads'] = options.reads === 'passages' ? 'passages' : 'whole'
const FAMILIES: FamilyWeights = { ...FAMILY_DEFAULTS, ...(JSON.parse(options.families ?? '{}') as Partial<FamilyWeights>) }
/** The optimiser's settings (logistic.ts), e.g. --optimiser '{"l2":1e-3}' to compare. */
const DEFAULTS = { ...OPTIMISER_DEFAULTS, ...(JSON.parse(options.optimiser ?? '{}') as Partial<typeof OPTIMISER_DEFAULTS>) }
/** The heads whose score mixes in the stacked network's (stacked.ts). Physical harm, because in real
 *  reviews it is told as a course of events that word weights rank worst (ROC AUC on CADEC 0.750,
 *  PsyTAR 0.774 with the linear head alone), as measured outside the project before this was built.
 *  Mixing it into self-harm, trauma and abuse too was measured and not adopted (MODEL_CARD.md).
 *  Compare with e.g. --stack physical_harm,self_harm, or --stack '' for none. */
const STACKED: Head[] = (options.stack ?? 'physical_harm').split(',').filter((h): h is Head => (HEADS as readonly string[]).includes(h))
const STACK_OPTIONS = { ...STACK_DEFAULTS, ...(JSON.parse(options['stack-options'] ?? '{}') as Partial<typeof STACK_DEFAULTS>) }
/** How much an item of each source counts in training (default 1). */
const SOURCE_WEIGHTS = JSON.parse(options['source-weights'] ?? '{}') as Record<string, number>

/** An item as the trainer sees it: the whole text (to start from), each passage (what the model
 *  scores), and what the phrase layer found. */
interface Featurised { whole: Features, passages: Example[], cues: CueCounts, phraseShows: HarmCategory[], weight: number }

function featurise (item: LabelledItem): Featurised {
  const title = prepare(item.title)
  const body = prepare(item.body)
  const phrases = phraseTriage({ title, body })
  const text = { title: title.text, body: body.text }
  const whole = extractFeatures(text, phrases.cues, FAMILIES)
  return {
    whole,
    // Only a passage-reading model needs them; building them for every item doubled the work.
    passages: READS === 'passages' ? passages(text).map((p) => toExample(extractFeatures(p.text, phrases.cues, FAMILIES))) : [],
    cues: phrases.cues,
    phraseShows: phrases.triage.categories,
    weight: SOURCE_WEIGHTS[item.source] ?? 1,
  }
}

/** An item's score: of the whole text, or of its most telling passage. */
const itemScore = (m: Linear, x: Featurised): number => READS === 'whole'
  ? rawScore(m, x.whole)
  : x.passages.reduce((best, p) => Math.max(best, rawScore(m, p)), x.passages.length === 0 ? m.bias : -Infinity)

/** Rounds of multiple-instance training after the whole-text start. */
const MIL_ROUNDS = 2

/**
 * One head, as multiple-instance learning: an item is harmful when some passage is. Start from a
 * model of whole texts; then, each round, train on the most telling passage of every positive item
 * (by the current model) and every passage of every negative item.
 */
function trainHead (xs: Featurised[], ys: number[], seed: number): Linear {
  let m = train(xs.map((x) => x.whole), ys, { ...DEFAULTS, seed }, xs.map((x) => x.weight))
  for (let round = 1; READS === 'passages' && round <= MIL_ROUNDS; round++) {
    const instances: Example[] = []
    const labels: number[] = []
    xs.forEach((x, i) => {
      if (x.passages.length === 0) return
      if (ys[i] === 1) {
        let best = x.passages[0] as Example
        for (const p of x.passages) if (rawScore(m, p) > rawScore(m, best)) best = p
        instances.push(best)
        labels.push(1)
      } else {
        for (const p of x.passages) { instances.push(p); labels.push(0) }
      }
    })
    m = train(instances, labels, { ...DEFAULTS, seed: seed + round })
  }
  return m
}

/** The standard deviation of a list of scores. */
function spread (xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) || 1
}

/** A fold per item: items sorted within each (source, level) stratum by a hash of the id, dealt round. */
function folds (items: LabelledItem[]): number[] {
  const key = (x: LabelledItem): string => createHash('sha256').update(x.id).digest('hex')
  const strata = new Map<string, number[]>()
  items.forEach((x, i) => {
    const s = `${x.source}|${x.level}`
    strata.set(s, [...(strata.get(s) ?? []), i])
  })
  const fold = new Array<number>(items.length)
  let dealt = 0
  for (const members of strata.values()) {
    members.sort((a, b) => (key(items[a] as LabelledItem) < key(items[b] as LabelledItem) ? -1 : 1))
    for (const i of members) fold[i] = dealt++ % FOLDS
  }
  return fold
}

/** The lowest threshold at which the head raises no more than its budget of the `normal` items and,
 *  for a `high` category, no more than its budget of the harmful items without it. */
function thresholdFor (head: Head, probabilities: number[], items: LabelledItem[]): number {
  if (head === 'past_relieved' || head === 'other_person') return 0.5
  const budget = { ...ALARM_BUDGET, ...(JSON.parse(options['alarm-budget'] ?? '{}') as Partial<Record<HarmCategory, number>>) }[head]
  const lowest = (pool: number[], share: number): number => {
    const sorted = [...pool].sort((a, b) => b - a)
    return (sorted[Math.floor(share * sorted.length)] ?? 0) + 1e-6
  }
  const normals = probabilities.filter((_, i) => items[i]?.level === 'normal')
  const otherHarm = probabilities.filter((_, i) => items[i]?.level !== 'normal' && items[i]?.categories.includes(head) !== true)
  return head === 'self_harm' ? lowest(normals, budget) : Math.max(lowest(normals, budget), lowest(otherHarm, WRONG_CATEGORY_BUDGET))
}

/** The floor above which the phrase layer's findings of a category stand: of the items where the
 *  phrase layer shows it, out of fold, the floor that keeps most found harm for the false alarms it
 *  lets through (each costing FALSE_ALARM_COST), never above the threshold; for self-harm, zero. */
function phraseFloorFor (head: Head, probabilities: number[], items: LabelledItem[], xs: Featurised[], threshold: number): number {
  if (head === 'past_relieved' || head === 'other_person') return threshold
  // The model alone never overrules the phrase layer's self-harm: on real drug reviews it scores a
  // third of the self-harm it has not learned to read close to zero (Druglib out of fold when this
  // was set, 2026-11-30: 17 of 49 below 0.05, all shown by the phrase layer), so any floor above
  // zero loses them. Only a confident
  // context does (decide.ts, contextOverruleFor).
  if (head === 'self_harm') return 0
  const cost = { ...FALSE_ALARM_COST, ...(JSON.parse(options['alarm-cost'] ?? '{}') as Partial<Record<HarmCategory, number>>) }[head]
  const shown = probabilities.map((p, i) => ({ p, harm: items[i]?.categories.includes(head) === true }))
    .filter((_, i) => xs[i]?.phraseShows.includes(head) === true)
    .sort((a, b) => b.p - a.p)
  // Walk the floor down from the most to the least likely finding, keeping the best total.
  let best = threshold
  let bestGain = 0
  let gain = 0
  for (const x of shown) {
    gain += x.harm ? 1 : -cost
    if (gain > bestGain) { bestGain = gain; best = x.p }
  }
  return Math.min(threshold, best)
}

/** The probability at which a context head overrules a phrase finding of self-harm that the model
 *  does not confirm (decide.ts): of the items where that is all that raises self-harm, out of fold,
 *  the cut that drops the most false alarms for the self-harm it loses, each false alarm weighed at
 *  FALSE_ALARM_COST.self_harm of a found self-harm. One cut for both contexts; never below
 *  CONTEXT_OVERRULE_MIN. */
function contextOverruleFor (probabilities: Record<Head, number[]>, items: LabelledItem[], xs: Featurised[], heads: Record<Head, HeadParams>): number {
  const contextOf = (i: number): number => Math.max(...CONTEXTS.map((k) => probabilities[k][i] as number))
  const phraseOnly = items.map((_, i) => i).filter((i) => {
    const p = probabilities.self_harm[i] as number
    return xs[i]?.phraseShows.includes('self_harm') === true && p >= heads.self_harm.phraseFloor && p < heads.self_harm.threshold
  }).sort((a, b) => contextOf(b) - contextOf(a))
  // Walk the cut down from the most confident context, keeping the best total.
  let best = Infinity
  let bestGain = 0
  let gain = 0
  for (const i of phraseOnly) {
    if (contextOf(i) < CONTEXT_OVERRULE_MIN) break
    gain += items[i]?.categories.includes('self_harm') === true ? -1 : FALSE_ALARM_COST.self_harm
    if (gain > bestGain) { bestGain = gain; best = contextOf(i) }
  }
  return best
}

/** The stacked network over the linear heads' out-of-fold scores: the heads' scores with the
 *  network's out-of-fold scores mixed into the STACKED heads, the mixes, and the final network's
 *  training (on every item). */
function stackOverLinear (items: LabelledItem[], xs: Featurised[], fold: number[], oof: Record<Head, number[]>) {
  const dense = STACKED.length === 0 ? [] : items.map((_, i) => stackInputs((xs[i] as Featurised).whole, (xs[i] as Featurised).cues, mapHeads((h) => oof[h][i] as number)))
  const labels = HEADS.map((h) => items.map((x) => label(x, h)))
  const trainOn = (idx: number[], seed: number): ReturnType<typeof trainStack> => trainStack(idx.map((i) => dense[i] as Float64Array),
    labels.map((ys) => idx.map((i) => ys[i] as number)), { ...STACK_OPTIONS, seed }, idx.map((i) => (xs[i] as Featurised).weight))
  const scores = { ...oof }
  const mixes: Partial<Record<Head, { linear: number, stacked: number }>> = {}
  if (STACKED.length > 0) {
    const stackOof = Object.fromEntries(HEADS.map((h) => [h, new Array<number>(items.length)])) as Record<Head, number[]>
    for (let k = 0; k < FOLDS; k++) {
      const net = trainOn(items.map((_, i) => i).filter((i) => fold[i] !== k), STACK_OPTIONS.seed + k)
      const stack = new Stack(net.shape, net.params)
      items.forEach((_, i) => {
        if (fold[i] !== k) return
        const raw = stack.raw(dense[i] as Float64Array)
        for (const h of HEADS) stackOof[h][i] = raw[h]
      })
    }
    for (const h of STACKED) {
      const mix = { linear: 1 / spread(oof[h]), stacked: 1 / spread(stackOof[h]) }
      mixes[h] = mix
      scores[h] = oof[h].map((s, i) => s * mix.linear + (stackOof[h][i] as number) * mix.stacked)
    }
  }
  return { scores, mixes, trainFinal: () => trainOn(items.map((_, i) => i), STACK_OPTIONS.seed) }
}

function outcomesFrom (items: LabelledItem[], xs: Featurised[], probability: (i: number, h: Head) => number, heads: Record<Head, HeadParams>): Outcome[] {
  const cutoffs = cutoffsOf(heads)
  return items.map((item, i) => {
    const categories = decide(cutoffs, mapHeads((h) => probability(i, h)), new Set(xs[i]?.phraseShows))
    return { id: item.id, expected: { level: item.level, categories: item.categories }, got: { level: levelFor(categories), categories } }
  })
}

function bySource (items: LabelledItem[], outcomes: Outcome[], suffix: string): Array<{ name: string, f: Figures }> {
  const sources = [...new Set(items.map((x) => x.source))].sort()
  return sources.map((s) => ({ name: `${s} ${suffix}`, f: figures(outcomes.filter((_, i) => items[i]?.source === s)) }))
}

function main (): void {
  if (!corpusAvailable()) {
    if (options.check === true) { console.log('the triage corpus is not beside the project: nothing to check'); return }
    throw new Error('the triage corpus is not beside the project (../shared/triage-corpus or TRIAGE_CORPUS)')
  }
  const labelled = labelledCorpus()
  const items = [...labelled.filter((x) => TRAINABLE_SOURCES.has(x.source)), ...writtenExamples()]
  const measured = [...labelled.filter((x) => !TRAINABLE_SOURCES.has(x.source)), ...devSet(), ...extraSet(), ...heldOutWritten()]
  const xs = items.map(featurise)
  const fold = folds(items)
  const log: string[] = []
  const say = (line: string): void => { console.log(line); log.push(line) }
  say(`trained on ${items.length} items (${[...new Set(items.map((x) => x.source))].join(', ')}); measured on ${measured.length} more`)

  // Out-of-fold raw scores for every head.
  const oof = Object.fromEntries(HEADS.map((h) => [h, new Array<number>(items.length)])) as Record<Head, number[]>
  for (let k = 0; k < FOLDS; k++) {
    const trainIdx = items.map((_, i) => i).filter((i) => fold[i] !== k)
    for (const h of HEADS) {
      const m = trainHead(trainIdx.map((i) => xs[i] as Featurised), trainIdx.map((i) => label(items[i] as LabelledItem, h)), DEFAULTS.seed + k)
      items.forEach((_, i) => { if (fold[i] === k) oof[h][i] = itemScore(m, xs[i] as Featurised) })
    }
  }

  const { scores, mixes, trainFinal: trainFinalStack } = stackOverLinear(items, xs, fold, oof)

  // Calibration and thresholds from the out-of-fold scores.
  const heads = {} as Record<Head, HeadParams>
  const oofProbability = {} as Record<Head, number[]>
  for (const h of HEADS) {
    const ys = items.map((x) => label(x, h))
    const p = platt(scores[h], ys)
    oofProbability[h] = scores[h].map((s) => calibrate(p, s))
    const threshold = thresholdFor(h, oofProbability[h], items)
    heads[h] = { bias: 0, scale: 1, platt: p, threshold, phraseFloor: phraseFloorFor(h, oofProbability[h], items, xs, threshold), ...(mixes[h] === undefined ? {} : { mix: mixes[h] }) }
  }
  const overrule = contextOverruleFor(oofProbability, items, xs, heads)
  if (Number.isFinite(overrule)) for (const k of CONTEXTS) heads[k] = { ...heads[k], overrulesPhrase: overrule }
  if (options['dump-oof'] !== undefined) {
    // For error analysis: each trained-on item's out-of-fold probabilities and labels (ids only).
    writeFileSync(options['dump-oof'], items.map((x, i) => JSON.stringify({ id: x.id, source: x.source, level: x.level, categories: x.categories,
      phrases: xs[i]?.phraseShows, p: Object.fromEntries(HEADS.map((h) => [h, oofProbability[h][i]])) })).join('\n'))
  }
  say(`thresholds: ${HEADS.map((h) => `${h} ${heads[h].threshold.toFixed(3)}`).join(', ')}`)
  say(`phrase floors: ${HARM_CATEGORIES.map((h) => `${h} ${heads[h].phraseFloor.toFixed(3)}`).join(', ')}`)
  say(`a context overrules a phrase finding of self-harm the model does not confirm at ${Number.isFinite(overrule) ? overrule.toFixed(3) : 'no probability'}`)
  const cv = outcomesFrom(items, xs, (i, h) => oofProbability[h][i] as number, heads)

  // The final heads, on everything trainable.
  const finals = {} as Record<Head, Linear>
  for (const h of HEADS) finals[h] = trainHead(xs, items.map((x) => label(x, h)), DEFAULTS.seed)
  const { bin, scales } = quantise(Object.fromEntries(HEADS.map((h) => [h, finals[h].weights])) as Record<Head, Float64Array>)
  for (const h of HEADS) heads[h] = { ...heads[h], bias: finals[h].bias, scale: scales[h] }
  const finalStack = STACKED.length === 0 ? undefined : trainFinalStack()
  const stackFile = finalStack === undefined ? undefined : Stack.serialise(finalStack.params)
  const hash = createHash('sha256').update(bin)
  if (stackFile !== undefined) hash.update(stackFile.bin)
  const version = `${finalStack === undefined ? 'linear' : 'stacked'}-${hash.update(JSON.stringify({ FAMILIES, READS, heads })).digest('hex').slice(0, 12)}`
  const meta: ModelMeta = { version, dim: DIM, families: FAMILIES, reads: READS, heads, ...(finalStack === undefined ? {} : { stack: finalStack.shape }) }
  if (options.check === true) {
    const shipped = (JSON.parse(readFileSync(new URL('model.json', MODEL_DIR), 'utf8')) as ModelMeta).version
    if (shipped !== version) throw new Error(`the data and code build ${version}, but ${shipped} ships: run npm run triage:train and commit`)
    console.log(`the shipped model ${shipped} is what the data and code build`)
    return
  }
  if (options['dry-run'] !== true) {
    writeFileSync(new URL('model.bin', MODEL_DIR), bin)
    writeFileSync(new URL('model.json', MODEL_DIR), `${JSON.stringify(meta, null, 2)}\n`)
    if (stackFile !== undefined) writeFileSync(new URL('stack.bin', MODEL_DIR), stackFile.bin)
  }
  say(`model ${version}: ${bin.length} bytes of weights`)

  // The shipped model, as the service runs it, on what it was not trained on.
  const scorer = new LearnedScorer(new LinearModel(meta, Object.fromEntries(HEADS.map((h, i) =>
    [h, new Int8Array(bin.buffer, bin.byteOffset + i * meta.dim, meta.dim)])) as Record<Head, Int8Array>),
  finalStack === undefined || stackFile === undefined ? undefined : new Stack(finalStack.shape, stackFile.params))
  if (options['dump-dense'] !== undefined) {
    const rows = items.map((x, i) => ({ id: x.id, source: x.source, level: x.level, categories: x.categories, context: x.context, fold: fold[i], trained: true, weight: xs[i]?.weight,
      x: Array.from(stackInputs((xs[i] as Featurised).whole, (xs[i] as Featurised).cues, mapHeads((h) => oof[h][i] as number))) }))
    for (const item of measured) {
      const f = featurise(item)
      rows.push({ id: item.id, source: item.source, level: item.level, categories: item.categories, context: item.context, fold: -1, trained: false, weight: 1,
        x: Array.from(stackInputs(f.whole, f.cues, mapHeads((h) => rawScore(finals[h], f.whole)))) })
    }
    writeFileSync(options['dump-dense'], rows.map((r) => JSON.stringify(r)).join('\n'))
  }
  const confidences: Array<Record<HarmCategory, number>> = []
  const shipped: Outcome[] = measured.map((item) => {
    const got = triage(item, scorer)
    confidences.push(got.confidence)
    return { id: item.id, expected: { level: item.level, categories: item.categories }, got: { level: got.level, categories: got.categories } }
  })
  say('')
  // The half of each research-only source whose errors were not read for the written examples.
  const unreadHalves = researchOnlySources(labelled).map((s) => ({
    name: `${s} (never trained on, unread half)`,
    f: figures(shipped.filter((o, i) => measured[i]?.source === s && !readForErrorAnalysis(o.id))),
  }))
  say(report([...bySource(items, cv, '(5-fold CV)'), ...bySource(measured, shipped, '(never trained on)'), ...unreadHalves]))
  for (const s of [...new Set(measured.map((x) => x.source))].sort()) {
    say(`\n${s}, levels (never trained on):\n${confusionTable(figures(shipped.filter((_, i) => measured[i]?.source === s)))}`)
  }
  say('\nROC AUC of each category\'s confidence (never trained on; harmful items in brackets):')
  for (const s of [...new Set(measured.map((x) => x.source))].sort()) {
    const of = measured.map((x, i) => ({ x, c: confidences[i] as Record<HarmCategory, number> })).filter(({ x }) => x.source === s)
    say(`  ${s.padEnd(44)} ${HARM_CATEGORIES.map((c) => {
      const auc = rocAuc(of.map(({ c: conf }) => conf[c]), of.map(({ x }) => x.categories.includes(c)))
      return `${c} ${Number.isNaN(auc) ? '  n/a' : auc.toFixed(3)} (${of.filter(({ x }) => x.categories.includes(c)).length})`
    }).join('  ')}`)
  }
  if (options['dry-run'] !== true) writeFileSync(new URL('training-report.txt', MODEL_DIR), `${log.join('\n')}\n`)
}

main()
