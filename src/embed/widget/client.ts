// The typed API client the widget uses: openapi-fetch over the contract's generated types.
import createClient from 'openapi-fetch'
import type { components, paths } from '../../generated/api.js'

export type Schemas = components['schemas']
export type ApiClient = ReturnType<typeof createClient<paths>>
export type Problem = Schemas['Problem']

export function apiClient (origin: string): ApiClient {
  return createClient<paths>({ baseUrl: origin.replace(/\/+$/, ''), credentials: 'omit' })
}

/** Narrows an unknown error body to problem details (anything else becomes a bare problem). */
export function asProblem (error: unknown, status: number): Problem {
  if (error && typeof error === 'object' && 'code' in error) return error as Problem
  return { type: 'about:blank', title: 'Error', status, code: 'unknown' }
}
