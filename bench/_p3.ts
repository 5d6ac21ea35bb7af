import { matchAnchors } from '../src/triage/regex-prefix.js'
import { SCANNERS } from '../src/triage/lexicon.js'
let none = 0
for (const s of SCANNERS) for (const c of s.cues) {
  const a = matchAnchors(c.pattern)
  if (a === null) { none++; console.log('NONE', c.pattern.slice(0, 100)) } else console.log(a.length, a.slice(0, 12).join('|'), '  <=', c.pattern.slice(0, 50))
}
console.log('none', none)
