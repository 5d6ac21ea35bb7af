// CI, after npm run build: the compiled service triages from dist alone, in place and on a worker
// thread (texts over the inline limit), as the image runs it. Plain JavaScript: it runs under node
// without tsx, like the image.
import { triageRunner } from '../dist/triage/runner.js'

const runner = triageRunner(1, 3000)
const story = { title: 'After the session', body: 'I want to kill myself. I have the pills ready.' }
const long = { title: story.title, body: `${'The room was quiet and the practitioner was kind. '.repeat(80)}${story.body}` }
try {
  for (const [name, input] of [['in place', story], ['on a worker thread', long]]) {
    const result = await runner.run(input)
    if (result.level !== 'critical') throw new Error(`the compiled triage ${name} gave ${result.level}, not critical`)
    console.log(`compiled triage ${name}: ${result.level} (${result.model})`)
  }
  if (runner.offLoop() !== 1) throw new Error('the long story did not go to the worker thread')
} finally {
  await runner.close()
}
