// The console's typed API client: openapi-fetch over the contract's types, same origin, the key as a bearer header.
import createClient from 'openapi-fetch'
import type { paths } from '../../generated/api.js'
import type { Schemas } from '../../browser/problem.js'

export type ConsoleApi = ReturnType<typeof createClient<paths>>
export type CurrentKey = Schemas['CurrentKey']
export type QueueItem = Schemas['QueueItem']
export type ModerationStory = Schemas['ModerationStory']
export type AuditEvent = Schemas['AuditEvent']
export type Claim = Schemas['Claim']
export type HarmCategory = Schemas['HarmCategory']
export type DecisionReason = Schemas['DecisionReason']
export type ResearchRatings = Schemas['ResearchRatings']
export type ResearchRow = Schemas['ResearchRatingsRow']
export type ResearchDictionary = Schemas['ResearchDictionary']
export type Site = Schemas['Site']
export type Topic = Schemas['Topic']
export type ApiKey = Schemas['ApiKey']
export type Webhook = Schemas['Webhook']
export type WebhookDelivery = Schemas['WebhookDelivery']
export type TriageLevel = Schemas['TriageLevel']
export type TriageQuality = Schemas['TriageQuality']
export type TriageAgreement = Schemas['TriageAgreement']

/** A client that sends `key` on every request; nothing is cached by the browser, and no cookie is sent. */
export function consoleApi (key: string): ConsoleApi {
  const client = createClient<paths>({ baseUrl: location.origin, credentials: 'omit', cache: 'no-store' })
  client.use({
    onRequest ({ request }) {
      request.headers.set('authorization', `Bearer ${key}`)
      return request
    },
  })
  return client
}
