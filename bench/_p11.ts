import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import { matchAnchors } from '../src/triage/regex-prefix.js'
import { SCANNERS } from '../src/triage/lexicon.js'
const anchors = new Map<string, number[]>()
const always: number[] = []
const all = SCANNERS.flatMap((s, ci) => s.cues.map((c) => ({ ci, c })))
all.forEach(({ c }, id) => { const a = matchAnchors(c.pattern); if (a === null) always.push(id); else for (const x of a) anchors.set(x, [...(anchors.get(x) ?? []), id]) })
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const lens = [...new Set([...anchors.keys()].map((a) => a.length))]
const re = new RegExp('\\b(?:' + [...anchors.keys()].sort((a, b) => b.length - a.length).map(esc).join('|') + ')', 'g')
console.log('anchors', anchors.size, 'lens', lens)
function enabled (text: string): Set<number> {
  const on = new Set(always)
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) for (const L of lens) { const ids = anchors.get(text.slice(m.index, m.index + L)); if (ids) for (const id of ids) on.add(id) }
  return on
}
for (const s of longStories()) {
  const text = prepare(s.body).text
  const on = enabled(text)
  const t = (f: () => unknown, n = 500) => { for (let i = 0; i < 50; i++) f(); const a = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - a) / n).toFixed(3) }
  const build = () => SCANNERS.map((sc, ci) => new RegExp('\\b(?=\\w)(?:' + all.map((x, id) => ({ ...x, id })).filter((x) => x.ci === ci && on.has(x.id)).map((x) => '(' + x.c.pattern + ')').join('|') + ')', 'g'))
  const warm = build()
  const run = (rs: RegExp[]) => { let n = 0; for (const r of rs) { r.lastIndex = 0; while (r.exec(text)) n++ } return n }
  console.log(s.kind.padEnd(12), 'enabled', on.size, 'detect', t(() => enabled(text)), 'warm scan', t(() => run(warm)), 'cold', t(() => run(build()), 100))
}
