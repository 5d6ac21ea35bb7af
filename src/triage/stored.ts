// A triage as the stories table keeps it (level, categories, evidence, the learned layer's signals
// and the model version) and back, so every writer stores the same columns and every reader shows
// the same shape.
import type { Evidence, HarmCategory, TriageContext, TriageResult } from './types.js'

export interface TriageColumns {
  triageLevel: TriageResult['level']
  triageCategories: HarmCategory[]
  triageEvidence: object[]
  /** { confidence, context } as a JSON value. */
  triageSignals: object
  triageModel: string
}

export function toColumns (t: TriageResult): TriageColumns {
  return {
    triageLevel: t.level,
    triageCategories: t.categories,
    triageEvidence: t.evidence as object[],
    triageSignals: { confidence: t.confidence, context: t.context as object[] },
    triageModel: t.model,
  }
}

const NO_CONFIDENCE = { self_harm: 0, abuse: 0, trauma_response: 0, physical_harm: 0 }

/** A stored row's triage; rows triaged before the learned model have no signals (confidence 0). */
export function fromColumns (row: { triageLevel: TriageResult['level'], triageCategories: string[], triageEvidence: unknown, triageSignals: unknown, triageModel: string }): TriageResult {
  const signals = row.triageSignals as { confidence?: TriageResult['confidence'], context?: TriageContext[] }
  return {
    level: row.triageLevel,
    categories: row.triageCategories as HarmCategory[],
    evidence: row.triageEvidence as Evidence[],
    confidence: signals.confidence ?? NO_CONFIDENCE,
    context: signals.context ?? [],
    model: row.triageModel,
  }
}
