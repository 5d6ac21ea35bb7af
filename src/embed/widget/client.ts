// The typed API client the widget uses: openapi-fetch over the contract's generated types.
import createClient from 'openapi-fetch'
import type { paths } from '../../generated/api.js'

export { asProblem, type Problem, type Schemas } from '../../browser/problem.js'
export type ApiClient = ReturnType<typeof createClient<paths>>

export function apiClient (origin: string): ApiClient {
  return createClient<paths>({ baseUrl: origin.replace(/\/+$/, ''), credentials: 'omit' })
}
