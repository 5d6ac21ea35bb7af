import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import { scanText } from '../src/triage/scan.js'
const s = longStories().find((x) => x.kind === 'ordinary')!
const text = prepare(s.body).text
const N = 2000
for (let i = 0; i < 300; i++) scanText(text)
const a = performance.now(); for (let i = 0; i < N; i++) scanText(text); console.log('scan', (performance.now() - a) / N)
