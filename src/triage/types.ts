// The shape of a triage result, as in the contract's Triage schema.
export type HarmCategory = 'self_harm' | 'abuse' | 'trauma_response' | 'physical_harm'
/** Every category, in the order results, corrections and reports list them. */
export const HARM_CATEGORIES: readonly HarmCategory[] = ['self_harm', 'abuse', 'trauma_response', 'physical_harm']
export type TriageLevel = 'critical' | 'high' | 'normal'

export interface Evidence {
  category: HarmCategory
  field: 'title' | 'body'
  /** Offsets into the field, in UTF-16 code units (JavaScript string indices). */
  start: number
  end: number
  phrase: string
}

export interface Triage {
  level: TriageLevel
  categories: HarmCategory[]
  evidence: Evidence[]
}

/** Something a moderator should see that is not the writer's present risk. */
export interface TriageContext {
  kind: 'past_relieved' | 'other_person'
  confidence: number
  evidence: Omit<Evidence, 'category'> | null
}

/** A triage with what the learned layer adds: a calibrated confidence per category, context, and
 *  the model version that decided. */
export interface TriageResult extends Triage {
  confidence: Record<HarmCategory, number>
  context: TriageContext[]
  model: string
}

export interface TriageInput {
  title: string
  body: string
}

/** `critical` iff self-harm; `high` iff any other category; `normal` otherwise. */
export function levelFor (categories: readonly HarmCategory[]): TriageLevel {
  if (categories.includes('self_harm')) return 'critical'
  return categories.length > 0 ? 'high' : 'normal'
}
