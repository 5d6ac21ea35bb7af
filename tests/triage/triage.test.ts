// Harm triage as a moderator meets it: the learned model decides, every raised category has evidence
// quoting the visitor's words, each category has a confidence, past relief and other people's harm
// are shown as context rather than as present risk, hostile spellings do not hide harm, and the
// shipped model's measured figures do not slip.
import t, { type Test } from 'tap'
import { readFileSync } from 'node:fs'
import { corpusAvailable, devSet, extraSet, labelledCorpus, TRAINABLE_SOURCES } from '../../scripts/triage/data.js'
import { disguise } from '../../scripts/triage/hostile.js'
import { figures } from '../../scripts/triage/figures.js'
import { triage } from '../../src/triage/triage.js'
import type { TriageInput, TriageResult } from '../../src/triage/types.js'

const body = (text: string): TriageInput => ({ title: '', body: text })

function assertEvidence (tt: Test, input: TriageInput, r: TriageResult): void {
  for (const c of r.categories) tt.ok(r.evidence.some((e) => e.category === c), `${c} has evidence`)
  for (const e of r.evidence) tt.equal(input[e.field].slice(e.start, e.end), e.phrase, `the span quotes "${e.phrase}"`)
  for (const x of r.context) if (x.evidence !== null) tt.equal(input[x.evidence.field].slice(x.evidence.start, x.evidence.end), x.evidence.phrase)
}

t.test('every result has a confidence per category, the model version, and evidence for each category', async (t) => {
  const input = body('Since the second session I keep thinking everyone would be better off without me.')
  const r = triage(input)
  t.equal(r.level, 'critical')
  t.same(Object.keys(r.confidence).sort(), ['abuse', 'physical_harm', 'self_harm', 'trauma_response'])
  for (const p of Object.values(r.confidence)) t.ok(p >= 0 && p <= 1, `confidence ${p} is a probability`)
  t.ok(r.confidence.self_harm > r.confidence.abuse, 'self-harm is the likeliest category')
  t.match(r.model, /^(linear|stacked)-[0-9a-f]{12}$/)
  assertEvidence(t, input, r)
})

t.test('text that hides words behind invisible or look-alike characters is read as written to be read', async (t) => {
  const hidden = [
    'I want to k\u200Dill myself',
    'I want to ki\u00ADll my\u2060self',
    'i want to k1ll mys3lf',
    'I want to \u0441ut myself again', // Cyrillic с
    'I want to \uFF44\uFF49\uFF45', // full-width "die"
    'I want to \u202Ekill\u202C myself', // a bidi override around the word
  ]
  for (const text of hidden) {
    const r = triage(body(text))
    t.equal(r.level, 'critical', JSON.stringify(text))
    assertEvidence(t, body(text), r)
  }
})

t.test('negation: harm the writer says did not happen is not raised', async (t) => {
  for (const text of [
    'No thoughts of hurting myself at any point, just a bit tired the next day.',
    'I never had a single flashback, which I had been warned about.',
    'There was no bleeding and no bruising, only a little soreness.',
  ]) t.equal(triage(body(text)).level, 'normal', text)
  t.equal(triage(body('I could not stop thinking about ending my life after the session.')).level, 'critical',
    'a negator that does not negate the harm')
})

t.test('person: someone else\'s suicide is context, the writer\'s own risk is critical', async (t) => {
  const other = body('My brother has been talking about killing himself and I do not know how to help him.')
  const r = triage(other)
  t.equal(r.level, 'normal', 'not the writer\'s risk')
  t.ok(r.context.some((c) => c.kind === 'other_person'), 'shown as other_person context')
  assertEvidence(t, other, r)
  t.equal(triage(body('Since my brother died I keep thinking I should just follow him.')).level, 'critical')
})

t.test('timing: past thoughts the treatment relieved are context; thoughts it set off are critical', async (t) => {
  const relieved = body('Before I started the sessions I wanted to die most days. Since then those thoughts have gone and I sleep again.')
  const r = triage(relieved)
  // The shipped model still reads this as present risk (MODEL_CARD.md, known failure modes): the
  // context is shown, but the level is not yet right.
  t.equal(r.level, 'normal', 'relief is not present risk', { todo: 'known failure of the shipped model' })
  t.ok(r.context.some((c) => c.kind === 'past_relieved'), 'shown as past_relieved context')
  assertEvidence(t, relieved, r)
  t.equal(triage(body('Since the retreat I have thoughts of ending it every night.')).level, 'critical')
})

t.test('harm told by its content or consequences is raised with evidence', async (t) => {
  const cases: Array<[string, string]> = [
    ['trauma_response', 'Halfway through the session I was suddenly back in the car crash, smelling the petrol, and I could not stop shaking.'],
    ['physical_harm', 'After he cracked my neck my arm went numb and I spent two nights in hospital.'],
    ['abuse', 'He told me to take everything off and his hands went places that had nothing to do with my back.'],
  ]
  for (const [category, text] of cases) {
    const r = triage(body(text))
    t.ok(r.categories.includes(category as never), `${category}: ${text}`)
    assertEvidence(t, body(text), r)
  }
})

// The figures recorded when the shipped model was trained (src/triage/model/training-report.txt) on
// data it never learned from; a change that lowers them fails here. Reading the corpus needs
// ../shared/triage-corpus, so that part skips on a clone without it.
const report = readFileSync(new URL('../../src/triage/model/training-report.txt', import.meta.url), 'utf8')
function recorded (set: string): { harm: number, critical: number, alarms: number } {
  const line = report.split('\n').find((l) => l.startsWith(`${set} (never trained on)`))
  if (line === undefined) throw new Error(`no recorded figures for ${set}`)
  const [harm, critical, alarms] = [...line.matchAll(/ (\d\.\d{3}) \[/g)].map((m) => Number(m[1]))
  return { harm: harm as number, critical: critical as number, alarms: alarms as number }
}

t.test('the shipped model keeps its measured figures on labelled sets it was not trained on', async (t) => {
  const sets = [['dev', devSet()], ['extra', extraSet()]] as const
  const corpus = corpusAvailable() ? labelledCorpus().filter((x) => !TRAINABLE_SOURCES.has(x.source)) : []
  if (corpus.length === 0) t.comment('../shared/triage-corpus is absent: corpus sources skipped')
  const bySource = [...sets, ...['sdcnl', 'psytar', 'cadec'].map((s) => [s, corpus.filter((x) => x.source === s)] as const).filter(([, xs]) => xs.length > 0)]
  for (const [name, items] of bySource) {
    if (items.length === 0) { t.comment(`${name}: not beside the project, skipped`); continue }
    const f = figures(items.map((x) => ({ id: x.id, expected: x, got: triage(x) })))
    const was = recorded(name)
    t.ok(f.harmRecall.value >= was.harm - 6e-4, `${name}: harm recall ${f.harmRecall.value.toFixed(3)} (recorded ${was.harm})`)
    t.ok(f.criticalRecall.value >= was.critical - 6e-4, `${name}: critical recall ${f.criticalRecall.value.toFixed(3)} (recorded ${was.critical})`)
    t.ok(f.falseAlarmRate.value <= was.alarms + 6e-4, `${name}: false alarms ${f.falseAlarmRate.value.toFixed(3)} (recorded ${was.alarms})`)
  }
})

const dev = devSet()
t.test('hostile copies of the dev set triage like the originals', { skip: dev.length === 0 ? 'harm-eval/dev.jsonl is not beside the project' : false }, async (t) => {
  for (const [i, story] of dev.entries()) {
    const plain = triage(story)
    const hostile = disguise(story, 1000 + i)
    t.equal(triage(hostile).level, plain.level, `${story.id}: the same level behind evasions`)
  }
})
