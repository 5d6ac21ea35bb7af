// Which literal prefixes can a cue's match start with? Lets the scanner try a cue only at word starts
// that begin with one of them, instead of trying every cue at every word.
//
// A small parser for the regex subset the cue files use (groups, lookarounds, classes, quantifiers,
// \b \s \w escapes). Every whitespace character, \s included, is written as one space: the scanner
// compares a prefix's space with any whitespace. The answer is sound, never exact: a set P such that every match begins with some
// p in P. Whenever the analysis is unsure (a wide class, a set grown too big, deep nesting) it cuts the
// prefix short, and an empty prefix means "may start anywhere", so the scanner then tries the cue
// everywhere; a cut costs speed, never a match.

type Node =
  | { t: 'chars', set: string | null } // one character from `set`; null: too wide to list
  | { t: 'empty', wordBoundary: boolean } // zero-width: \b, ^, $, lookarounds
  | { t: 'alt', branches: Node[][] }
  | { t: 'rep', node: Node, min: number, max: number }

const MAX_SET = 400
const MAX_DEPTH = 60

function parse (src: string): Node[][] {
  let i = 0
  const fail = (why: string): never => { throw new Error(`regex-prefix: ${why} at ${i} in ${src}`) }

  function cls (): Node {
    // i is just past '['.
    let negated = false
    if (src[i] === '^') { negated = true; i++ }
    let chars = ''
    let wide = negated
    while (i < src.length && src[i] !== ']') {
      let c = src[i++] as string
      if (c === '\\') {
        const e = src[i++] ?? fail('dangling escape')
        if (e === 's') { chars += ' '; continue }
        if ('wSWdD'.includes(e)) { wide = true; continue }
        c = e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e
      }
      if (src[i] === '-' && src[i + 1] !== undefined && src[i + 1] !== ']') {
        const hi = src[i + 1] === '\\' ? fail('escaped range end') : (src[i + 1] as string)
        i += 2
        for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) chars += String.fromCharCode(k)
      } else {
        chars += c
      }
    }
    if (src[i++] !== ']') fail('unclosed class')
    return { t: 'chars', set: wide ? null : chars }
  }

  function atom (): Node {
    const c = src[i++] as string
    if (c === '(') {
      let zeroWidth = false
      if (src.startsWith('?:', i)) i += 2
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) { i += 2; zeroWidth = true } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) { i += 3; zeroWidth = true } else if (src[i] === '?') fail('unknown group')
      const branches = alternation()
      if (src[i++] !== ')') fail('unclosed group')
      return zeroWidth ? { t: 'empty', wordBoundary: false } : { t: 'alt', branches }
    }
    if (c === '[') return cls()
    if (c === '^' || c === '$') return { t: 'empty', wordBoundary: false }
    if (c === '.') return { t: 'chars', set: null }
    if (c === '\\') {
      const e = src[i++] ?? fail('dangling escape')
      if (e === 'b' || e === 'B') return { t: 'empty', wordBoundary: e === 'b' }
      if (e === 's') return { t: 'chars', set: ' ' }
      if ('wSWdD'.includes(e)) return { t: 'chars', set: e === 'd' ? '0123456789' : null }
      if (/[0-9kpPux]/.test(e)) fail(`unsupported escape \\${e}`)
      return { t: 'chars', set: e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e }
    }
    if (c === ')' || c === '|' || '?*+{'.includes(c)) fail(`unexpected ${c}`)
    return { t: 'chars', set: c }
  }

  function quantified (): Node {
    let node = atom()
    for (;;) {
      const q = src[i]
      let min = -1
      let max = -1
      if (q === '?') { min = 0; max = 1; i++ } else if (q === '*') { min = 0; max = Infinity; i++ } else if (q === '+') { min = 1; max = Infinity; i++ } else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i)) ?? fail('bad quantifier')
        min = Number(m[1])
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])
        i += m[0].length
      } else {
        return node
      }
      if (src[i] === '?') i++ // lazy: same strings
      node = { t: 'rep', node, min, max }
    }
  }

  function sequence (): Node[] {
    const items: Node[] = []
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified())
    return items
  }

  function alternation (): Node[][] {
    const branches = [sequence()]
    while (src[i] === '|') { i++; branches.push(sequence()) }
    return branches
  }

  const top = alternation()
  if (i !== src.length) fail('trailing text')
  return top
}

/** The prefixes (up to k characters) of what `seq` matches; '' in the set means "cut here". */
function prefixes (seq: readonly Node[], k: number, depth: number): Set<string> {
  if (k === 0 || seq.length === 0) return new Set([''])
  if (depth > MAX_DEPTH) return new Set([''])
  const [head, ...rest] = seq as [Node, ...Node[]]
  const out = new Set<string>()
  const add = (set: Set<string>): void => { for (const s of set) out.add(s) }
  switch (head.t) {
    case 'empty':
      return prefixes(rest, k, depth + 1)
    case 'chars': {
      if (head.set === null) return new Set([''])
      const tails = prefixes(rest, k - 1, depth + 1)
      for (const c of head.set) for (const tail of tails) out.add(c + tail)
      break
    }
    case 'alt':
      for (const b of head.branches) add(prefixes([...b, ...rest], k, depth + 1))
      break
    case 'rep': {
      const { node, min, max } = head
      if (max === 0) return prefixes(rest, k, depth + 1)
      const again: Node = { t: 'rep', node, min: Math.max(0, min - 1), max: max - 1 }
      add(prefixes([node, again, ...rest], k, depth + 1))
      if (min === 0) add(prefixes(rest, k, depth + 1))
      break
    }
  }
  if (out.size > MAX_SET) return new Set([''])
  return out
}

/**
 * Literal prefixes, up to `k` characters, one of which every match of `source` starts with.
 * Prefixes that are longer versions of another are dropped; [''] means the match may start anywhere.
 */
export function matchPrefixes (source: string, k = 4): string[] {
  const all = new Set<string>()
  for (const branch of parse(source)) for (const p of prefixes(branch, k, 0)) all.add(p)
  const sorted = [...all].sort((a, b) => a.length - b.length)
  const kept: string[] = []
  for (const p of sorted) if (!kept.some((q) => p.startsWith(q))) kept.push(p)
  return kept
}

// Words so common that an anchor on them selects almost every story.
const COMMON = new Set(('i a an the and or to of in on at it is was were be been me my he she they we you her his him ' +
  'had have has do did not no so but for with as that this like felt feel just very really then').split(' '))

/** How much a set of anchors costs the prefilter: short or common anchors fire on most stories. */
function anchorCost (set: readonly string[]): number {
  let cost = 0
  for (const p of set) {
    cost += COMMON.has(p) ? 100 : p.length >= 4 ? 1 : p.length === 3 ? 4 : 30
  }
  return cost
}

const WORDISH = /^[a-z0-9_]/

/** Whatever `node` matches ends with whitespace (and is never empty). */
function endsWithSpace (node: Node): boolean {
  if (node.t === 'chars') return node.set === ' '
  if (node.t === 'rep') return node.min >= 1 && endsWithSpace(node.node)
  if (node.t === 'alt') return node.branches.every((b) => b.length > 0 && endsWithSpace(b[b.length - 1] as Node))
  return false
}

/** Does item j of `seq` begin at a word start (given its first word character)? It does after \b
 *  or whitespace, looking back over optional parts that end with whitespace themselves. */
function startsWord (seq: readonly Node[], j: number, initial: boolean): boolean {
  for (let i = j - 1; i >= 0; i--) {
    const item = seq[i] as Node
    if (item.t === 'empty') return item.wordBoundary
    if (endsWithSpace(item)) return true
    if (item.t === 'rep' && item.min === 0 && endsWithSpace(item.node)) continue
    return false
  }
  return initial
}

/** The cheapest set of word-start anchors one of which every match of `seq` contains, or null. */
function anchorsOf (seq: readonly Node[], initial: boolean, k: number): string[] | null {
  let best: string[] | null = null
  const consider = (set: string[] | null): void => {
    if (set !== null && (best === null || anchorCost(set) < anchorCost(best))) best = set
  }
  for (let j = 0; j < seq.length; j++) {
    const item = seq[j] as Node
    if (item.t === 'rep' && item.min === 0) continue
    const atWord = startsWord(seq, j, initial)
    if (atWord) {
      // Only the first word of each prefix: the prefilter looks words up, not phrases.
      const set = [...new Set([...prefixes(seq.slice(j), k, 0)].map((p) => p.split(' ')[0] as string))]
      if (set.length > 0 && set.every((p) => WORDISH.test(p) && p.length >= 2)) consider(set)
    }
    // A required group: every branch must hold an anchor of its own.
    if (item.t === 'alt' || (item.t === 'rep' && item.node.t === 'alt')) {
      const alt = item.t === 'alt' ? item : item.node as Extract<Node, { t: 'alt' }>
      const union: string[] = []
      let all = true
      for (const b of alt.branches) {
        const inner = anchorsOf(b, atWord, k)
        if (inner === null) { all = false; break }
        union.push(...inner)
      }
      if (all) consider(union)
    }
  }
  return best
}

/**
 * Word-start anchors (up to `k` characters, whitespace written as a space) one of which every match
 * of `source` contains at a word start; null when none could be found (the cue then always runs).
 */
export function matchAnchors (source: string, k = 6): string[] | null {
  const union: string[] = []
  for (const branch of parse(source)) {
    const a = anchorsOf(branch, true, k)
    if (a === null) return null
    union.push(...a)
  }
  // An anchor that extends another adds nothing: the shorter one already fires on it.
  const sorted = [...new Set(union)].sort((a, b) => a.length - b.length)
  const kept: string[] = []
  for (const a of sorted) if (!kept.some((b) => a.startsWith(b))) kept.push(a)
  return kept
}
