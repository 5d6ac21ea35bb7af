// What the app does for itself rather than for a caller: readiness, stored Idempotency-Key answers,
// and the periodic clean-ups housekeeping runs.
import { checkReadiness } from '../db/readiness.js'
import { claim, earlier, forgetExpiredKeys, release, remember, type AnswerKey, type StoredAnswer } from '../idempotency/answers.js'
import { foldResearchCounts } from '../research/fold.js'
import { forgetOldSubmissions } from '../items/near-duplicates.js'
import type { ServiceContext } from './context.js'

export function upkeepService ({ db }: ServiceContext) {
  return {
    readiness: async (expected: readonly string[]) => await checkReadiness(db, expected),
    answers: {
      claim: async (key: AnswerKey, requestHash: string, storyId: string | null) => await claim(db, key, requestHash, storyId),
      earlier: async (key: AnswerKey) => await earlier(db, key),
      release: async (key: AnswerKey) => { await release(db, key) },
      remember: async (key: AnswerKey, answer: StoredAnswer, createdId: string | null) => { await remember(db, key, answer, createdId) },
    },
    foldResearchCounts: async () => await foldResearchCounts(db),
    forgetExpired: async () => await Promise.all([forgetExpiredKeys(db), forgetOldSubmissions(db)]),
  }
}
