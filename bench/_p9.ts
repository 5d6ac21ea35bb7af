import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import * as S from '../src/triage/scan.js'
const s = longStories().find((x) => x.kind === (process.argv[2] ?? 'ordinary'))!
const text = prepare(s.body).text
for (let i = 0; i < 300; i++) S.scanText(text)
const t0 = S.TESTS
let a = performance.now(); for (let i = 0; i < 1000; i++) S.scanText(text); console.log('scan', ((performance.now() - a) / 1000).toFixed(3), 'tests/run', (S.TESTS - t0) / 1000)
