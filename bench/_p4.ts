import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import { matchPrefixes } from '../src/triage/regex-prefix.js'
import { SCANNERS } from '../src/triage/lexicon.js'
const s = longStories().find((x) => x.kind === (process.argv[2] ?? 'ordinary'))!
const text = prepare(s.body).text
const counts = new Map<string, number>()
let words = 0
for (const m of text.matchAll(/\b\w/g)) {
  words++
  for (const sc of SCANNERS) for (const c of sc.cues) {
    for (const p of matchPrefixes(c.pattern)) {
      const re = new RegExp('^' + p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'))
      if (re.test(text.slice(m.index, m.index + 6))) { counts.set(c.pattern.slice(0, 70), (counts.get(c.pattern.slice(0, 70)) ?? 0) + 1); break }
    }
  }
}
console.log('words', words, 'tests', [...counts.values()].reduce((a, b) => a + b, 0))
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => v + ' ' + k).join('\n'))
