// Deterministic, fast pseudo-random text and numbers for seeding and POST bodies (no network, no deps).

/** mulberry32: a tiny seeded PRNG, good enough for synthetic data. */
export function rng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = (`after again ago also always appointment arm back bad before better body breathing calm could day days
did doctor during each easy energy evening every face feel felt few first friend gentle good hands hard head headache
healing help helped home hour hours improvement jaw just knee last later less life light long lower made many massage
maybe month months more morning much muscle neck never night nothing now once pain practitioner pressure quite really
relaxed relief remember right routine sceptical session sessions shoulder since sleep slept slowly small some sore
spine started still stiffness stress stretch surprised tension therapist things though three time tired treatment
tried twice two until usual very walk week weeks went whole work worse year years yoga back-pain migraine posture
honestly expected difference noticeable lasting temporary recommend cost expensive clinic appointment followup
anxiety mood focus digestion circulation recovery injury surgery chronic acute flare calmer lighter heavier`).split(/\s+/)

const pick = (r: () => number, list: readonly string[]): string => list[Math.floor(r() * list.length)] ?? 'and'

/** A sentence of 6–18 words, capitalised, ending with a full stop. */
function sentence (r: () => number): string {
  const n = 6 + Math.floor(r() * 13)
  let s = pick(r, words)
  s = s.charAt(0).toUpperCase() + s.slice(1)
  for (let i = 1; i < n; i++) s += ' ' + pick(r, words)
  return s + '.'
}

/** A title of 3–9 words (well within the contract's 3–200 characters). */
export function title (r: () => number): string {
  const n = 3 + Math.floor(r() * 7)
  let s = pick(r, words)
  s = s.charAt(0).toUpperCase() + s.slice(1)
  for (let i = 1; i < n; i++) s += ' ' + pick(r, words)
  return s
}

/** A body of roughly 200–2,000 characters, skewed towards the short end (mean ~800). */
export function body (r: () => number): string {
  const target = 200 + Math.floor(1800 * r() * r())
  let s = sentence(r)
  while (s.length < target) s += (r() < 0.15 ? '\n\n' : ' ') + sentence(r)
  return s.length > 2000 ? s.slice(0, 1999) + '.' : s
}

/** A v7-shaped UUID for a timestamp (48-bit ms time, version 7, variant 10, random rest). */
export function uuidV7 (ms: number, r: () => number): string {
  const hex = (n: number, width: number): string => Math.floor(n).toString(16).padStart(width, '0')
  const time = hex(ms, 12)
  const rand = (bits: number): number => Math.floor(r() * 2 ** bits)
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(rand(12), 3)}-${hex(0x8000 | rand(14), 4)}-${hex(rand(24), 6)}${hex(rand(24), 6)}`
}

/** 64 hex characters, shaped like a SHA-256 (manage-token hashes are never checked by the bench). */
export function fakeHash (r: () => number): string {
  let s = ''
  for (let i = 0; i < 8; i++) s += Math.floor(r() * 0x100000000).toString(16).padStart(8, '0')
  return s
}
