import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import { SCANNERS } from '../src/triage/lexicon.js'
const s = longStories().find((x) => x.kind === 'ordinary')!
const text = prepare(s.body).text
const costs: Array<[number, string]> = []
for (const sc of SCANNERS) for (const c of sc.cues) {
  const re = new RegExp(String.raw`\b(?=\w)(?:${c.pattern})`, 'y')
  const starts = [...text.matchAll(/\b\w/g)].map((m) => m.index)
  for (let i = 0; i < 5; i++) for (const p of starts) { re.lastIndex = p; re.test(text) }
  const a = performance.now()
  for (let i = 0; i < 20; i++) for (const p of starts) { re.lastIndex = p; re.test(text) }
  costs.push([(performance.now() - a) / 20 / starts.length * 1e6, c.pattern.slice(0, 90)])
}
costs.sort((a, b) => b[0] - a[0]); for (const [c, p] of costs.slice(0, 15)) console.log(c.toFixed(0) + 'ns', p)
