// The phrase layer of triage (the evidence moderators see, and a source of the model's features):
// categories with evidence that points at the visitor's words, negations and benign uses left alone,
// self-harm always critical, and the bars met on the written sets it was built on.
import t, { type Test } from 'tap'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEV_SET, readJsonl, type LabelledItem } from '../../scripts/triage/data.js'
import { figures } from '../../scripts/triage/figures.js'
import { phraseTriage } from '../../src/triage/phrases.js'
import { prepare } from '../../src/triage/text.js'
import type { HarmCategory, Triage, TriageInput } from '../../src/triage/types.js'
import { longStories } from './long-stories.js'

const triage = (input: TriageInput): Triage => phraseTriage({ title: prepare(input.title), body: prepare(input.body) }).triage
const readStories = async (file: string): Promise<LabelledItem[]> => readJsonl<LabelledItem>(file)

const here = dirname(fileURLToPath(import.meta.url))
const body = (text: string): TriageInput => ({ title: '', body: text })

/** Every evidence span must quote the field it names, exactly. */
function assertSpans (tt: Test, input: TriageInput, result: Triage): void {
  for (const e of result.evidence) {
    tt.equal(input[e.field].slice(e.start, e.end), e.phrase, `span ${e.start}-${e.end} quotes "${e.phrase}"`)
  }
}

/** The phrases of a result's evidence for one category. */
const phrases = (r: Triage, c: HarmCategory): string[] => r.evidence.filter((e) => e.category === c).map((e) => e.phrase)

t.test('each category is found, with evidence quoting the text that shows it', async (t) => {
  const cases: Array<[HarmCategory, TriageInput, string]> = [
    ['self_harm', body('For a month afterwards I had thoughts of ending my life.'), 'thoughts of ending my life'],
    ['abuse', body('During the session he groped me and laughed about it.'), 'groped'],
    ['trauma_response', body('Since the treatment I get flashbacks to the accident every night.'), 'flashbacks'],
    ['physical_harm', { title: 'Went to A&E', body: 'My neck locked and I ended up in A&E that night.' }, 'A&E'],
  ]
  for (const [category, input, phrase] of cases) {
    const r = triage(input)
    t.ok(r.categories.includes(category), `${category} found`)
    t.ok(phrases(r, category).some((p) => p.includes(phrase)), `${category} evidence includes "${phrase}"`)
    assertSpans(t, input, r)
  }
})

t.test('evidence offsets survive typos, curly quotes and non-ASCII text', async (t) => {
  const input = { title: 'Café visit — “never again”', body: 'Ça va? I didn’t sleep, the flashbaks and nigthmares were constant after the session.' }
  const r = triage(input)
  t.equal(r.level, 'high')
  t.same(r.categories, ['trauma_response'])
  t.ok(phrases(r, 'trauma_response').includes('flashbaks'), 'a misspelt word is quoted as written')
  t.ok(phrases(r, 'trauma_response').includes('nigthmares'))
  assertSpans(t, input, r)
})

t.test('self-harm in direct, indirect, hedged, past-tense and misspelt forms is critical', async (t) => {
  const stories = [
    'I was standing on a bridge two nights after the session.',
    "I don't want to be here anymore.",
    'Afterwards I wanted to disappear forever.',
    'One evening I took all my pills.',
    'I relapsed into cutting a week later.',
    "I didn't see the point of living after that.",
    'I wrote a goodbye letter to my family.',
    "Most mornings I wish I hadn't woken up.",
    'I honestly thought they would be better off without me.',
    'I had thoughts of ending my life, it passed but it was real.',
    'felt suicidle for weeks',
    'wanted to killmyself',
    'selfharm urges came back',
    "I'm not suicidal anymore, but I was for a month.",
    'Last night I took 52 pills of ibuprofen during an episode.',
    'is hanging too painful',
    'What is the most painless way to go?',
    'How many of my sleeping pills would it take?',
    'All I want to do is get in bed and sleep forever.',
    "I'm having doubts about wanting to keep going.",
  ]
  for (const s of stories) {
    const r = triage(body(s))
    t.equal(r.level, 'critical', s)
    t.ok(r.categories.includes('self_harm'), `self_harm: ${s}`)
    t.ok(phrases(r, 'self_harm').length > 0, `evidence: ${s}`)
  }
})

t.test('abuse phrased indirectly is found', async (t) => {
  const stories = [
    "He touched me where he shouldn't have.",
    'He made me undress and stood there watching.',
    'He pinned me down on the table.',
    "He wouldn't stop when I said no.",
    'There was inappropriate touching during the massage.',
    'At the end he kissed me.',
    'He kept making sexual comments about my body.',
  ]
  for (const s of stories) t.same(triage(body(s)).categories, ['abuse'], s)
})

t.test('trauma responses and physical harm phrased indirectly are found', async (t) => {
  const trauma = ['It felt like I was back there.', 'Memories came flooding back on the table.', "I couldn't stop shaking.",
    'It triggered my PTSD.', 'I came out re-traumatised.', 'I have been hypervigilant since.', 'I froze in terror.',
    'panick attacks every day since the session']
  for (const s of trauma) t.ok(triage(body(s)).categories.includes('trauma_response'), s)
  const physical = ['I was admitted to hospital.', 'They called an ambulance.', 'She had a seizure in the car home.',
    'He had a stroke two days later.', 'I passed out on the table.', "I couldn't move my neck for a week.",
    'The hot stones left burns on my back.', 'Our baby was hurt.', 'The pediatric ER kept her in overnight.']
  for (const s of physical) t.ok(triage(body(s)).categories.includes('physical_harm'), s)
})

t.test('negated, hypothetical and reported harm is not flagged', async (t) => {
  const stories = [
    'No flashbacks at all, just calm.',
    "It wasn't dangerous in the slightest.",
    'I never felt unsafe with her.',
    'Without any side effects, my back improved.',
    "I was afraid it would trigger my PTSD but it didn't trigger my PTSD at all.",
    'I was worried it could trigger flashbacks, but it was fine.',
    'I read it can cause strokes, but my experience was gentle.',
    'My friend said it might be dangerous. It was not.',
    'If you have PTSD be careful and talk to the practitioner first.',
    'I never had suicidal thoughts, I just wanted my neck fixed.',
    "I didn't have any flashbacks, nightmares or panic attacks.",
    'No bruising, no dizziness, no nausea.',
  ]
  for (const s of stories) t.equal(triage(body(s)).level, 'normal', s)
})

t.test('benign uses of alarming words are not flagged', async (t) => {
  const stories = [
    'I work with trauma survivors and refer some clients to her.',
    'I have PTSD from the army but felt safe the whole time.',
    'I hurt my back in a fall and the sessions helped.',
    'I had a few sessions after knee surgery and recovered faster.',
    'My dad is a stroke patient who recovered mobility with regular sessions.',
    'She is killing it, best practitioner in town.',
    'The pain was killing me before, now I can garden again.',
    'So relaxing I could die happy.',
    "I'm an A&E nurse and this is how I unwind.",
    'The booking system was a nightmare but the session was lovely.',
    'She worked on trigger points and my headaches have gone.',
    'I used to get panic attacks but they have stopped since I started the sessions.',
    'I take 12 pills a day for my heart and blood pressure.',
    'Hanging the new curtains was easy after my shoulder session.',
    'The leaflet gives the lethal dose for dogs, so keep it away from pets.',
    'How many pills do I take in the morning? Two.',
    'I could sleep forever after that massage.',
    'Not sure I can keep going with this job, the commute is awful.',
  ]
  for (const s of stories) t.equal(triage(body(s)).level, 'normal', s)
})

t.test('harm that wore off, hedged harm, verbal abuse and trauma clusters are found', async (t) => {
  const cases: Array<[string, HarmCategory]> = [
    ['The panic attacks stopped after a few weeks, but I will not go back.', 'trauma_response'],
    ['I think it may have triggered my PTSD.', 'trauma_response'],
    ['I think it brought on my flashbacks.', 'trauma_response'],
    ['When I said it hurt he shouted at me until I cried.', 'abuse'],
    ['She threatened me when I asked for a refund.', 'abuse'],
    ['He humiliated me in front of the other clients.', 'abuse'],
    ["Since the session I am jumpy, couldn't sleep, kept seeing his face.", 'trauma_response'],
    ["Now I can't breathe whenever I remember it.", 'trauma_response'],
  ]
  for (const [s, c] of cases) t.ok(triage(body(s)).categories.includes(c), s)
  const benign = [
    'I used to get panic attacks but they stopped after a few sessions with her.',
    'I work in suicide prevention and these sessions are my reset button.',
    "I have a history of self-harm but the sessions helped and I'm doing well.",
    "I'd rather die than pay that again.",
    'My boss shouted at me all week so I booked a massage.',
    'I had a little soreness that stopped after a few hours.',
  ]
  for (const s of benign) t.equal(triage(body(s)).level, 'normal', s)
})

t.test('ordinary stories are normal with no evidence', async (t) => {
  const r = triage({ title: 'Helped my migraines', body: 'Five sessions, very gentle, and the migraines are down to one a month.' })
  t.same(r, { level: 'normal', categories: [], evidence: [] })
  t.same(triage({ title: '', body: '' }), { level: 'normal', categories: [], evidence: [] })
})

t.test('background history names its category only when the story is harmful', async (t) => {
  const calm = triage(body('I am a survivor of childhood sexual abuse and found the sessions calming.'))
  t.equal(calm.level, 'normal')
  const harmed = triage(body('I am a survivor of childhood sexual abuse. The session triggered flashbacks.'))
  t.same(harmed.categories, ['abuse', 'trauma_response'])
  t.ok(phrases(harmed, 'abuse').length > 0, 'the background mention is the abuse evidence')
})

t.test('level follows the categories and every category has evidence', async (t) => {
  const dev = devFile === undefined ? [] : await readStories(devFile)
  const extra = await readStories(resolve(here, 'fixtures/extra.jsonl'))
  for (const s of [...dev, ...extra]) {
    const r = triage(s)
    const expected = r.categories.includes('self_harm') ? 'critical' : r.categories.length > 0 ? 'high' : 'normal'
    t.equal(r.level, expected, `${s.id} level`)
    for (const c of r.categories) t.ok(r.evidence.some((e) => e.category === c), `${s.id} has ${c} evidence`)
    t.same([...new Set(r.evidence.map((e) => e.category))].sort(), [...r.categories].sort(), `${s.id} evidence matches categories`)
    assertSpans(t, s, r)
  }
})

/** dev.jsonl beside the repository (../shared/harm-eval, or TRIAGE_DEV); undefined on a clone with
 *  nothing beside it, where the tests that need it skip. */
function devSet (): string | undefined {
  return existsSync(DEV_SET) ? DEV_SET : undefined
}
const devFile = devSet()

for (const [name, file] of [['dev.jsonl', devFile], ['extra.jsonl', resolve(here, 'fixtures/extra.jsonl')]] as const) {
  t.test(`${name} meets the bars`, { skip: file === undefined ? 'harm-eval/dev.jsonl is not beside the project' : false }, async (t) => {
    const stories = await readStories(file as string)
    const f = figures(stories.map((story) => ({ id: story.id, expected: story, got: triage(story) })))
    t.ok(f.items >= 40, `${f.items} stories`)
    t.ok(f.harmRecall.value >= 0.95, `harm recall ${f.harmRecall.value}`)
    t.equal(f.criticalRecall.value, 1, `critical recall ${f.criticalRecall.value}`)
    t.ok(f.falseAlarmRate.value <= 0.1, `false-alarm rate ${f.falseAlarmRate.value}`)
    t.ok(f.categoryAgreement.value >= 0.85, `category agreement ${f.categoryAgreement.value}`)
  })
}

// The full output of every labelled and generated story, so that speed work cannot change a result.
// Regenerate deliberately (after a rule change, reviewing the diff): TRIAGE_GOLDEN_UPDATE=1 npx tap tests/triage/phrases.test.ts
t.test('results match the golden snapshot', async (t) => {
  const dev = devFile === undefined ? [] : await readStories(devFile)
  const extra = await readStories(resolve(here, 'fixtures/extra.jsonl'))
  const stories = [...dev, ...extra, ...longStories()]
  const actual: Record<string, Triage> = {}
  for (const s of stories) actual[s.id] = triage({ title: s.title, body: s.body })
  const file = resolve(here, 'fixtures/golden.json')
  if (process.env.TRIAGE_GOLDEN_UPDATE === '1') {
    // One story a line, so a deliberate change shows as a readable diff.
    writeFileSync(file, '{\n' + Object.entries(actual).map(([id, r]) => `${JSON.stringify(id)}: ${JSON.stringify(r)}`).join(',\n') + '\n}\n')
  }
  const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Triage>
  // Without the dev set beside the project, its stories are left out of the comparison.
  if (devFile === undefined) for (const id of Object.keys(golden)) if (!(id in actual)) delete golden[id]
  t.same(Object.keys(actual).sort(), Object.keys(golden).sort(), 'the same stories')
  for (const id of Object.keys(golden)) t.strictSame(actual[id], golden[id], id)
})

t.test('long and adversarial input stays fast (no catastrophic backtracking)', async (t) => {
  const inputs = [
    'a '.repeat(10_000),
    'memories '.repeat(2_000),
    'I was worried it could '.repeat(800),
    'not no never '.repeat(1_500),
    'x'.repeat(20_000),
  ]
  for (const text of inputs) {
    const started = performance.now()
    triage({ title: text.slice(0, 200), body: text.slice(0, 20_000) })
    t.ok(performance.now() - started < 250, `${text.slice(0, 20)}… triaged in time`)
  }
})
