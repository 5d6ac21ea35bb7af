import { matchPrefixes } from '../src/triage/regex-prefix.js'
import { SCANNERS } from '../src/triage/lexicon.js'
let anywhere = 0, total = 0
for (const s of SCANNERS) for (const c of s.cues) {
  const p = matchPrefixes(c.pattern)
  total++
  if (p.includes('')) { anywhere++; console.log('ANY', c.pattern.slice(0, 80)) }
  else if (p.some((x) => x.length < 3)) console.log('SHORT', p.filter((x) => x.length < 3).join(','), c.pattern.slice(0, 60))
}
console.log(total, anywhere)
