// Typo tolerance for key harm words: maps a misspelt word ("nigthmares", "siezure", "hosptial") to
// its spelling when the two are one edit apart (insert, delete, substitute or swap two letters).
//
// Hand-written rather than a fuzzy-matching package: the word list is small and fixed, so a
// symmetric-deletion index (each word and each of its one-letter deletions) answers a lookup with a
// handful of Map probes, well inside the per-story time budget, and it is easy to audit.
// Rules that keep it from "mending" ordinary words:
//  - only words of six letters or more, and the first letter must match (typos rarely hit it, and
//    it rules out pairs like painted/fainted);
//  - the list leaves out words with a common one-edit neighbour (stroke/strike, groped/grouped,
//    overdose/overdone, concussion/concession, attack/attach); the phrase patterns spell those out;
//  - NOT_TYPOS lists real words that are one edit from a key word (checked against a dictionary).

// Spellings the phrase patterns are written for. Inflected forms are listed because a typo is
// mended to the nearest listed form and the patterns then see the right ending.
const KEY_WORDS = [
  'flashback', 'flashbacks', 'nightmare', 'nightmares', 'suicidal', 'suicide', 'suicidally',
  'dissociated', 'dissociating', 'dissociation', 'dissociate', 'disassociated', 'disassociating',
  'traumatised', 'traumatized', 'retraumatised', 'retraumatized', 'traumatising', 'traumatizing',
  'hypervigilant', 'hypervigilance', 'seizure', 'seizures', 'ambulance', 'hospital',
  'hospitalised', 'hospitalized', 'unconscious', 'vomiting', 'vomited', 'bruising', 'bruises',
  'bleeding', 'numbness', 'molested', 'assaulted', 'inappropriately', 'inappropriate',
  'fractured', 'fracture', 'paramedics', 'emergency', 'overdosed', 'overdosing', 'panicked',
  'panicking', 'violated', 'triggered', 'depersonalisation', 'depersonalization', 'derealisation',
  'derealization', 'convulsions', 'convulsing', 'hyperventilating', 'paralysed', 'paralyzed',
  'screaming', 'uncontrollably', 'trembling', 'memories', 'sexually', 'touched',
  'touching', 'undress', 'harassed', 'harassment', 'myself', 'self-harm', 'selfharm',
  'selfharming', 'thoughts', 'dizziness', 'fainted', 'fainting', 'collapsed',
]

// Real words within one edit of a key word (found by running the tables over a word list); these are
// never mended.
const NOT_TYPOS = new Set([
  'flashbulb', 'touches', 'toucher', 'shaken', 'shaking', 'shaming', 'sharing', 'shaping', 'shaving',
  'sharking', 'snaking', 'staking', 'thought', 'cuttings', 'cutting', 'putting', 'jutting', 'gutting',
  'butting', 'hospitals', 'emergence', 'emergent', 'memorise', 'memorize', 'memorial', 'memoirs',
  'seizing', 'bleeping', 'breeding', 'pleading', 'blending', 'bleaching', 'bruised', 'bruiser',
  'cruising', 'triggers', 'trigger', 'violates', 'violate', 'violator', 'molester', 'molests',
  'assaulter', 'fractures', 'fracturing', 'trembled', 'screamingly', 'numbers', 'dizzies',
  'fainter', 'faintest', 'painted', 'sainted', 'tainted', 'collapses', 'collated', 'collaged',
  'vomiter', 'panickier', 'thoughtless', 'undressed', 'undresses', 'touchier', 'mystified',
  'muself', 'sexual', 'fraction', 'memory', 'suicides', 'braises', 'braising', 'overdoing',
  'pancaked', 'pancaking', 'streaming', 'scramming', 'torched', 'torching', 'trebling', 'feinted',
  'feinting', 'memorizes', 'memorises', 'brushes', 'ambulances', 'bruise', 'bruisers', 'collapse',
  'convulsion', 'disassociate', 'disassociates', 'dissociates', 'harasses', 'hospitalize',
  'hospitalizes', 'hospitalise', 'hospitalises', 'overdose', 'overdoses', 'paralyses', 'paralyse',
  'paralyze', 'paralyzes', 'paramedic', 'touchings', 'traumatize', 'traumatizes', 'traumatise',
  'traumatises', 'uncontrollable',
])

const index = new Map<string, string>()
const exact = new Set(KEY_WORDS)

function deletions (w: string): string[] {
  const out: string[] = []
  // Position 0 is never deleted: the first letter must match.
  for (let i = 1; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1))
  return out
}

for (const word of KEY_WORDS) {
  const plain = word.replace(/-/g, '')
  if (!index.has(plain)) index.set(plain, word)
  for (const d of deletions(plain)) if (!index.has(d)) index.set(d, word)
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
function oneEdit (a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

// Stories repeat words; remember answers across calls (bounded, cleared when full).
const memo = new Map<string, string | null>()
const MEMO_LIMIT = 50_000

/** The key word `token` (lowercase letters) is a one-edit typo of, or null. */
export function correctToken (token: string): string | null {
  if (token.length < 6 || token.length > 19) return null
  const known = memo.get(token)
  if (known !== undefined) return known
  let answer: string | null = null
  if (!exact.has(token) && !NOT_TYPOS.has(token)) {
    answer = index.get(token) ?? null
    if (answer === null) {
      for (const d of deletions(token)) {
        const hit = index.get(d)
        if (hit !== undefined) { answer = hit; break }
      }
    }
    // The deletion index also pairs words two edits apart (one letter dropped here, another there);
    // confirm the candidate really is one edit away.
    if (answer !== null && !oneEdit(token, answer.replace(/-/g, ''))) answer = null
  }
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(token, answer)
  return answer
}
