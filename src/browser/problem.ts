// Contract types and problem details shared by the browser clients (widget, console).
import type { components } from '../generated/api.js'

export type Schemas = components['schemas']
export type Problem = Schemas['Problem']

/** Narrows an unknown error body to problem details (anything else becomes a bare problem). */
export function asProblem (error: unknown, status: number): Problem {
  if (error && typeof error === 'object' && 'code' in error) return error as Problem
  return { type: 'about:blank', title: 'Error', status, code: 'unknown' }
}
