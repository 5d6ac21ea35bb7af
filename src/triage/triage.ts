// Harm triage: a first, keyword-level version so the service runs end to end; replaced by the
// phrase-model in this folder as it lands.
import { levelFor, type Evidence, type HarmCategory, type Triage, type TriageInput } from './types.js'

const lexicon: Record<HarmCategory, RegExp> = {
  self_harm: /\b(suicid\w*|kill(ing)? myself|end(ing)? my life|self[- ]harm\w*|want(ed)? to die|overdos\w*)\b/gi,
  abuse: /\b(sexually assaulted|touched me inappropriately|violated|abused me|sexual comments)\b/gi,
  trauma_response: /\b(flashbacks?|panic attacks?|nightmares?|dissociat\w*|re-?traumati[sz]ed)\b/gi,
  physical_harm: /\b(emergency room|hospital|stroke|seizure|bruis\w*|vomit\w*)\b/gi,
}

export function triage (input: TriageInput): Triage {
  const evidence: Evidence[] = []
  for (const field of ['title', 'body'] as const) {
    for (const [category, pattern] of Object.entries(lexicon) as [HarmCategory, RegExp][]) {
      for (const m of input[field].matchAll(pattern)) {
        evidence.push({ category, field, start: m.index, end: m.index + m[0].length, phrase: m[0] })
      }
    }
  }
  const categories = [...new Set(evidence.map((e) => e.category))]
  return { level: levelFor(categories), categories, evidence }
}
