// Which literal prefixes can a cue's match start with? Lets a category's regex turn away, with one
// cheap lookahead, the word starts where no cue could begin (lexicon.ts).
//
// A small parser for the regex subset the cue files use (groups, lookarounds, classes, quantifiers,
// \b \s \w escapes). Whitespace (\s, or a space in a class) is written as one space, which the gate
// turns back into \s. The answer is sound, never exact: a set P such that every match begins with
// some p in P. Whenever the analysis is unsure (a wide class, a set grown too big, deep nesting) it cuts the
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

