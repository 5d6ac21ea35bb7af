import { longStories } from '../tests/triage/long-stories.js'
import { triage } from '../src/triage/triage.js'
const kind = process.argv[2] ?? 'ordinary'
const s = longStories().find((x) => x.kind === kind)!
for (let i = 0; i < 3000; i++) triage(s)
