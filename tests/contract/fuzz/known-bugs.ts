// Findings already reported: each stays a failing assertion marked todo until it is fixed.
import type { Violation } from './runner.js'

/** Violations already reported; each stays a failing assertion, marked todo, until it is fixed. */
export const knownBugs: Array<{ todo: string, matches: (v: Violation) => boolean }> = []

/** Statuses the contract omits for an operation, already reported. */
export const knownUndeclared: Record<string, { statuses: number[], todo: string }> = {}
