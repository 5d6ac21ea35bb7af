// The console's pure pieces: evidence spans cut into segments, the decisions offered per state, the pause suggestion.
import t from 'tap'
import { segments } from '../../src/console/ui/highlight.js'
import { allowedActions } from '../../src/console/ui/item-actions.js'
import type { ModerationStory } from '../../src/console/ui/api.js'
import { pauseAfter, wellbeing } from '../../src/console/ui/wellbeing.js'

t.test('evidence spans become marked segments, every character once', async (t) => {
  const text = 'I felt hopeless and wanted to die that week'
  const spans = [{ start: 20, end: 33, category: 'self_harm' }, { start: 7, end: 15, category: 'self_harm' }, { start: 27, end: 39, category: 'abuse' }]
  const out = segments(text, spans)
  t.equal(out.map((s) => s.text).join(''), text, 'nothing lost or repeated')
  t.same(out.filter((s) => s.category).map((s) => s.text), ['hopeless', 'wanted to die', ' that '], 'overlaps clipped, in order')
  t.same(segments('short', [{ start: 2, end: 99, category: 'abuse' }]), [{ text: 'sh' }, { text: 'ort', category: 'abuse' }], 'spans past the end are cut')
  t.same(segments('text', []), [{ text: 'text' }])
})

t.test('only the decisions the API accepts are offered', async (t) => {
  const story = (status: ModerationStory['status'], flagged = false, escalated = false) => ({ status, flagged, escalated }) as ModerationStory
  t.same(allowedActions(story('pending')), ['approve', 'reject', 'escalate'])
  t.same(allowedActions(story('pending', false, true)), ['approve', 'reject'])
  t.same(allowedActions(story('approved')), ['remove'])
  t.same(allowedActions(story('approved', true)), ['approve', 'remove', 'escalate'])
  t.same(allowedActions(story('rejected')), ['restore'])
  t.same(allowedActions(story('removed')), ['restore'])
  t.same(allowedActions(story('withdrawn')), [])
})

t.test('a pause is suggested after a run of distressing items, and the run restarts', async (t) => {
  const w = wellbeing('key')
  for (let i = 1; i < pauseAfter; i++) t.equal(w.opened(['trauma_response']), 0)
  t.equal(w.opened(['self_harm', 'physical_harm']), pauseAfter)
  t.equal(w.opened(['abuse']), 0, 'the count starts again')
  t.equal(w.opened(['physical_harm']), 0, 'physical harm alone is not counted as distressing')
  for (let i = 1; i < pauseAfter; i++) w.opened(['abuse'])
  t.equal(w.opened([]), 0, 'a calm item breaks the run')
})
