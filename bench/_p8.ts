import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import { scanText } from '../src/triage/scan.js'
const s = longStories().find((x) => x.kind === 'ordinary')!
const t1 = prepare(s.body).text
const t2 = JSON.parse(JSON.stringify(t1)) as string
const loop = (text: string) => { let n = 0; for (let i = 0; i < text.length; i++) n += text.charCodeAt(i); return n }
for (const [name, text] of [['prepared', t1], ['flat', t2]] as const) {
  for (let i = 0; i < 300; i++) { scanText(text); loop(text) }
  let a = performance.now(); for (let i = 0; i < 1000; i++) scanText(text); const sc = (performance.now() - a) / 1000
  a = performance.now(); for (let i = 0; i < 1000; i++) loop(text); console.log(name, 'scan', sc.toFixed(3), 'loop', ((performance.now() - a) / 1000).toFixed(3))
}
