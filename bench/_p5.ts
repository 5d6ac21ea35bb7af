import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
import { scanText } from '../src/triage/scan.js'
import { FieldContext } from '../src/triage/context.js'
import { triage } from '../src/triage/triage.js'
const N = 500
for (const s of longStories()) {
  const t = (f: () => unknown) => { for (let i = 0; i < 100; i++) f(); const a = performance.now(); for (let i = 0; i < N; i++) f(); return ((performance.now() - a) / N).toFixed(3) }
  const p = prepare(s.body)
  console.log(s.kind.padEnd(12), 'prepare', t(() => prepare(s.body)), 'scan', t(() => scanText(p.text)), scanText(p.text).length, 'ctx', t(() => new FieldContext(p.text)), 'total', t(() => triage(s)))
}
