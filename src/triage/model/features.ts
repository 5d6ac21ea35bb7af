// The learned scorer's features, from a story prepared for triage (folded, typo-mended text) and
// what the phrase layer found. Every feature is hashed into one sparse vector of DIM slots:
//  - words and word pairs, with the words in a negation's reach marked ("no thoughts of dying" gives
//    neg_dying, not dying): what people write, including what no phrase foresaw;
//  - character 3- to 5-grams inside words, padded: spelling variants, typos, word families;
//  - the phrase layer's cues per category: spans that count, background, negated;
//  - for each sentence that touches a category's vocabulary (STEMS): who it is about (I, someone
//    close, people in general), when (before, relieved, now, since the treatment), whether it is
//    negated or a question. This is what tells "I want to die" from "my brother wanted to die" and
//    "I wanted to die before I started it; not since".
//  - word vectors (vectors.ts): the mean and the element-wise maximum of the story's content words'
//    vectors, so that words never seen in training still count by their meaning.
// Each text family is scaled to unit length so that a long story does not outweigh a short one.
import type { CueCounts } from '../phrases.js'
import type { HarmCategory } from '../types.js'
import { DIMENSIONS, accumulateRow, wordVectors } from './vectors.js'

/** Hashed slots; the word-vector block follows them. */
export const HASHED = 1 << 18
export const DIM = HASHED + 2 * DIMENSIONS
/** The commonest words (articles, pronouns, "was"…) say nothing of meaning; their vectors are skipped. */
const FUNCTION_WORDS = 150

/** Sparse features: parallel arrays of slots and their values (each slot once). */
export interface Features {
  slots: Int32Array
  values: Float64Array
  /** How many words the text has. */
  tokens: number
}

/** Sums values per slot in a reusable dense array, remembering which slots it touched, so that
 *  building a story's features allocates no map (triage runs inside every submission). */
class Accumulator {
  private readonly sums: Float64Array
  private touched: number[] = []

  constructor (size: number) {
    this.sums = new Float64Array(size)
  }

  add (slot: number, value: number): void {
    if (this.sums[slot] === 0) this.touched.push(slot)
    this.sums[slot] = (this.sums[slot] as number) + value
  }

  get size (): number {
    return this.touched.length
  }

  /** Visit every slot and its sum, then empty the accumulator. */
  drain (visit: (slot: number, sum: number) => void): void {
    for (const slot of this.touched) {
      const sum = this.sums[slot] as number
      this.sums[slot] = 0
      if (sum !== 0) visit(slot, sum)
    }
    this.touched = []
  }
}

// One of each, reused: JavaScript runs one extraction at a time.
const out = new Accumulator(HASHED + 2 * DIMENSIONS)
const wordCounts = new Accumulator(HASHED)
const pairCounts = new Accumulator(HASHED)
const gramCounts = new Accumulator(HASHED)

/** Word beginnings that place a sentence near a category; our own lists, written for this model. */
const STEMS: Record<HarmCategory, string[]> = {
  self_harm: ['suicid', 'kill', 'die', 'dying', 'dead', 'death', 'overdos', 'od', 'cut', 'harm', 'hurt', 'pills',
    'rope', 'hang', 'noose', 'jump', 'bridge', 'gone', 'burden', 'exist', 'alive', 'live', 'living', 'wake',
    'goodbye', 'kms', 'ctb', 'unaliv', 'sewerslide', 'note', 'wrist', 'blade', 'razor', 'end', 'ending', 'disappear'],
  physical_harm: ['hospital', 'er', 'emergency', 'ambulance', 'surgery', 'icu', 'bleed', 'blood', 'faint', 'collaps',
    'seizure', 'fractur', 'broke', 'paraly', 'numb', 'stroke', 'heart', 'kidney', 'liver', 'vomit', 'walk', 'bed',
    'damage', 'injur', 'bruis', 'burn', 'swell', 'allerg', 'a&e', 'pancrea', 'rhabdo', 'tendon', 'nerve', 'drip'],
  trauma_response: ['flashback', 'panic', 'nightmare', 'dissociat', 'unreal', 'terror', 'terrified', 'scream', 'shak',
    'froze', 'frozen', 'memor', 'reliv', 'trigger', 'ptsd', 'attack', 'depersonal', 'derealis', 'derealiz', 'ceiling'],
  abuse: ['touch', 'undress', 'naked', 'grop', 'breast', 'groin', 'threat', 'forc', 'pressur', 'yell', 'humiliat',
    'assault', 'inappropriat', 'consent', 'lock', 'sign', 'pay', 'money', 'kiss', 'underwear', 'private'],
}

/** The categories in STEMS' order, which is the order their features are added in (and so part of
 *  what the shipped weights were trained on); types.ts lists them in the order a moderator reads. */
const STEM_CATEGORIES = Object.keys(STEMS) as HarmCategory[]

const NEGATORS = new Set(['no', 'not', 'never', 'without', 'nor', 'none', 'nothing', 'cannot', "n't", 'dont', 'didnt',
  'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'hadnt', 'wont', 'wouldnt', 'couldnt', 'cant',
  'shouldnt', 'aint', 'zero'])
const CLAUSE_BREAK = new Set([',', ';', ':', 'but', 'and', 'though', 'although', 'however', 'because', 'so', 'yet'])
const FIRST = new Set(['i', "i'm", 'im', "i've", 'ive', "i'd", "i'll", 'me', 'my', 'myself', 'mine'])
const CLOSE = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 'friend', 'friends', 'brother',
  'sister', 'mom', 'mum', 'mother', 'dad', 'father', 'son', 'daughter', 'husband', 'wife', 'partner', 'boyfriend',
  'girlfriend', 'bf', 'gf', 'cousin', 'uncle', 'aunt', 'grandma', 'grandmother', 'grandpa', 'grandfather', 'patient',
  'patients', 'kid', 'child', 'roommate', 'classmate'])
const GENERIC = new Set(['you', 'your', 'people', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'others', 'clients'])
const PAST = new Set(['before', 'ago', 'previously', 'used', 'once', 'formerly', 'back', 'past', 'history', 'childhood',
  'younger', 'years'])
const RELIEF = new Set(['anymore', 'longer', 'gone', 'stopped', 'disappeared', 'helped', 'helps', 'saved', 'relieved',
  'better', 'lifted', 'fixed', 'improved', 'cured', 'fewer', 'less'])
const NOW = new Set(['now', 'still', 'today', 'tonight', 'currently', 'again', 'lately', 'recently', 'keep', 'every',
  'constantly', 'tomorrow', 'anymore'])
const ONSET = new Set(['since', 'after', 'started', 'began', 'caused', 'made', 'gave', 'triggered', 'brought', 'following',
  'during', 'within'])

// FNV-1a over UTF-16 units, seeded per family so the families do not share slots by design.
const FNV_PRIME = 16777619
function hashString (seed: number, s: string): number {
  let h = seed
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME)
  return h >>> 0
}
const SEED = { word: 2166136261, pair: 0x9747b28c, char: 0x811c9dc5 ^ 0x5bd1e995, cue: 0x1b873593, ctx: 0xcc9e2d51 }

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?|[.!?\n,;:]/g
const WORD = /[a-z0-9]+(?:'[a-z]+)?/g
const SENTENCE_END = new Set(['.', '!', '?', '\n'])

/** What the context features need of the sentence being read, gathered word by word so that no
 *  sentence is kept (a text of ten thousand one-word lines allocates nothing per line). */
class SentenceState {
  words = 0
  question = false
  /** The categories its words touch, in the order first touched, and whether every touch was negated. */
  readonly touched: HarmCategory[] = []
  readonly allNegated = new Map<HarmCategory, boolean>()
  first = false
  close = false
  generic = false
  past = false
  relief = false
  now = false
  onset = false

  see (word: string, categories: HarmCategory[], negated: boolean): void {
    this.words++
    for (const c of categories) {
      const before = this.allNegated.get(c)
      if (before === undefined) this.touched.push(c)
      this.allNegated.set(c, (before ?? true) && negated)
    }
    if (FIRST.has(word)) this.first = true
    if (CLOSE.has(word)) this.close = true
    if (GENERIC.has(word)) this.generic = true
    if (PAST.has(word)) this.past = true
    if (RELIEF.has(word)) this.relief = true
    if (NOW.has(word)) this.now = true
    if (ONSET.has(word)) this.onset = true
  }

  reset (): void {
    this.words = 0
    this.question = false
    this.touched.length = 0
    this.allNegated.clear()
    this.first = this.close = this.generic = this.past = this.relief = this.now = this.onset = false
  }
}

/** Add a family's counts to the output scaled to length `weight`, and empty them. */
function addUnit (counts: Accumulator, weight: number): void {
  if (counts.size === 0 || weight === 0) {
    counts.drain(() => {})
    return
  }
  let norm = 0
  const kept: number[] = []
  counts.drain((slot, c) => { norm += c * c; kept.push(slot, c) })
  const scale = weight / Math.sqrt(norm)
  for (let i = 0; i < kept.length; i += 2) out.add(kept[i] as number, (kept[i + 1] as number) * scale)
}

function charGrams (word: string): Int32Array {
  const w = `<${word.length > 24 ? word.slice(0, 24) : word}>`
  const out: number[] = []
  for (let start = 0; start + 3 <= w.length; start++) {
    let h = SEED.char
    for (let i = start; i < w.length && i < start + 5; i++) {
      h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME)
      if (i - start >= 2) out.push((h >>> 0) & (HASHED - 1))
    }
  }
  return Int32Array.from(out)
}

/** What a word contributes wherever it stands, computed once per word (bounded cache). */
interface WordInfo {
  slot: number
  negatedSlot: number
  grams: Int32Array
  categories: HarmCategory[]
  /** Its row in the word vectors, or -1 (unknown or a function word). */
  vectorRow: number
}

const WORD_CACHE_LIMIT = 100_000
const wordCache = new Map<string, WordInfo>()

function wordInfo (word: string): WordInfo {
  const known = wordCache.get(word)
  if (known !== undefined) return known
  const row = wordVectors().index.get(word) ?? -1
  const info: WordInfo = {
    slot: hashString(SEED.word, word) & (HASHED - 1),
    negatedSlot: hashString(SEED.word, `neg_${word}`) & (HASHED - 1),
    grams: charGrams(word),
    categories: STEM_CATEGORIES.filter((c) => STEMS[c].some((s) => (s.length <= 3 ? word === s || word === `${s}s` : word.startsWith(s)))),
    vectorRow: row >= FUNCTION_WORDS ? row : -1,
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear()
  wordCache.set(word, info)
  return info
}

const contextSlots = new Map<string, number>()
const contextSlot = (name: string): number => {
  let slot = contextSlots.get(name)
  if (slot === undefined) {
    slot = hashString(SEED.ctx, name) & (HASHED - 1)
    contextSlots.set(name, slot)
  }
  return slot
}

/** Who and when, for a sentence near a category's vocabulary. */
function contextFeatures (s: SentenceState, out: Set<number>): void {
  if (s.touched.length === 0) return
  const person = s.first ? 'i' : s.close ? 'close' : s.generic ? 'generic' : 'none'
  const times: string[] = []
  if (s.past) times.push('past')
  if (s.relief) times.push('relief')
  if (s.now) times.push('now')
  if (s.onset) times.push('onset')
  if (times.length === 0) times.push('plain')
  for (const c of s.touched) {
    const allNegated = s.allNegated.get(c) as boolean
    out.add(contextSlot(`${c}|${person}`)).add(contextSlot(`${c}|neg=${allNegated}`))
    if (s.question) out.add(contextSlot(`${c}|question|${person}`))
    for (const t of times) out.add(contextSlot(`${c}|${t}`)).add(contextSlot(`${c}|${person}|${t}`))
  }
}

/** Prepared (text.ts) title and body text. */
export interface StoryText {
  title: string
  body: string
}

/** How much each family counts (0 leaves it out); chosen at training time and kept in model.json. */
export interface FamilyWeights {
  words: number
  pairs: number
  chars: number
  context: number
  cues: number
  vectors: number
}

/** The features of a story's prepared text and the phrase layer's cue counts. */
export function extractFeatures (story: StoryText, cues: CueCounts, weights: FamilyWeights): Features {
  const context = new Set<number>()
  const vectors = wordVectors()
  const sum = new Float64Array(DIMENSIONS)
  const max = new Float64Array(DIMENSIONS)
  let tokens = 0
  let known = 0
  const sentence = new SentenceState()
  for (const field of ['title', 'body'] as const) {
    // Words in a negation's reach are marked ("no thoughts of dying" gives neg_dying); a clause
    // break ends the reach, a sentence end ends the sentence.
    let prev = '<s>'
    let reach = 0
    for (const m of story[field].matchAll(TOKEN)) {
      const t = m[0]
      if (SENTENCE_END.has(t)) {
        if (t === '?') sentence.question = true
        if (sentence.words > 0) contextFeatures(sentence, context)
        sentence.reset()
        prev = '<s>'
        reach = 0
        continue
      }
      if (CLAUSE_BREAK.has(t)) { reach = 0; if (t.length === 1) continue }
      const w = t.endsWith("n't") ? t.slice(0, -3) + 'nt' : t
      const negated = reach > 0
      if (NEGATORS.has(w)) reach = 4
      else if (reach > 0) reach--
      const info = wordInfo(w)
      tokens++
      wordCounts.add(negated ? info.negatedSlot : info.slot, 1)
      if (weights.pairs > 0) {
        const token = negated ? `neg_${w}` : w
        pairCounts.add(hashString(SEED.pair, `${prev} ${token}`) & (HASHED - 1), 1)
        prev = token
      }
      if (weights.chars > 0) for (const g of info.grams) gramCounts.add(g, 1)
      if (info.vectorRow >= 0 && accumulateRow(vectors, info.vectorRow, sum, max)) known++
      sentence.see(w, info.categories, negated)
    }
    if (sentence.words > 0) contextFeatures(sentence, context)
    sentence.reset()
  }
  addUnit(wordCounts, weights.words)
  addUnit(pairCounts, weights.pairs)
  addUnit(gramCounts, weights.chars)
  if (known > 0 && weights.vectors > 0) {
    const norm = Math.sqrt(sum.reduce((t, x) => t + x * x, 0)) || 1
    for (let d = 0; d < DIMENSIONS; d++) {
      out.add(HASHED + d, weights.vectors * (sum[d] as number) / norm)
      out.add(HASHED + DIMENSIONS + d, weights.vectors * (max[d] as number))
    }
  }
  for (const slot of context) out.add(slot, weights.context)
  for (const c of STEM_CATEGORIES) {
    const k = cues[c]
    for (const kind of ['strong', 'background', 'negated'] as const) {
      if (k[kind] > 0) out.add(hashString(SEED.cue, `${c}|${kind}`) & (HASHED - 1), weights.cues * Math.log2(1 + k[kind]))
    }
  }
  out.add(hashString(SEED.cue, 'bias-length') & (HASHED - 1), Math.log10(1 + tokens) / 4)
  const slots: number[] = []
  const values: number[] = []
  out.drain((slot, value) => { slots.push(slot); values.push(value) })
  return { slots: Int32Array.from(slots), values: Float64Array.from(values), tokens }
}

/** The word slots of a text (no negation marking): for ranking passages cheaply by their words. */
export function wordSlots (text: string): number[] {
  const slots: number[] = []
  for (const m of text.matchAll(WORD)) slots.push(wordInfo(m[0]).slot)
  return slots
}
