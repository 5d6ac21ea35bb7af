// The decision rule of triage (src/triage/decide.ts), on probabilities set by hand: which categories
// a story gets from the model's probabilities and the phrase layer's findings.
import t from 'tap'
import { decide, type Cutoffs } from '../../src/triage/decide.js'
import type { Head } from '../../src/triage/model/linear.js'
import type { HarmCategory } from '../../src/triage/types.js'

const cutoffs: Cutoffs = {
  thresholds: { self_harm: 0.25, physical_harm: 0.4, trauma_response: 0.2, abuse: 0.1, past_relieved: 0.5, other_person: 0.5 },
  phraseFloors: { self_harm: 0, physical_harm: 0.4, trauma_response: 0.2, abuse: 0.1, past_relieved: 0.5, other_person: 0.5 },
  contextOverrules: { past_relieved: 0.85, other_person: 0.85 },
}
const quiet: Record<Head, number> = { self_harm: 0.01, physical_harm: 0.01, trauma_response: 0.01, abuse: 0.01, past_relieved: 0.01, other_person: 0.01 }
const scores = (p: Partial<Record<Head, number>>): Record<Head, number> => ({ ...quiet, ...p })
const shows = (...c: HarmCategory[]): Set<HarmCategory> => new Set(c)

t.test('the model raises a category on its own at the threshold', async (t) => {
  t.same(decide(cutoffs, scores({ physical_harm: 0.4 }), shows()), ['physical_harm'])
  t.same(decide(cutoffs, scores({ physical_harm: 0.39 }), shows()), [])
})

t.test('a phrase finding of self-harm stands however low the model scores it', async (t) => {
  t.same(decide(cutoffs, scores({ self_harm: 0.001 }), shows('self_harm')), ['self_harm'])
})

t.test('someone else\'s risk, or past thoughts relieved, read with confidence, overrule an unconfirmed phrase finding', async (t) => {
  t.same(decide(cutoffs, scores({ other_person: 0.9 }), shows('self_harm')), [], 'someone else\'s')
  t.same(decide(cutoffs, scores({ past_relieved: 0.9 }), shows('self_harm')), [], 'past and relieved')
  t.same(decide(cutoffs, scores({ other_person: 0.8 }), shows('self_harm')), ['self_harm'], 'a context the model is unsure of does not')
  t.same(decide(cutoffs, scores({ other_person: 0.9, self_harm: 0.3 }), shows('self_harm')), ['self_harm'], 'nor when the model confirms the writer\'s own risk')
  t.same(decide(cutoffs, scores({ other_person: 0.9, abuse: 0.2 }), shows('self_harm', 'abuse')), ['abuse'], 'other categories are not affected')
})

t.test('a model without context cut-offs never overrules the phrase layer', async (t) => {
  const older = { ...cutoffs, contextOverrules: { past_relieved: Infinity, other_person: Infinity } }
  t.same(decide(older, scores({ other_person: 1 }), shows('self_harm')), ['self_harm'])
})
