// Judges one response against the contract: no 5xx, errors as valid problem+json, successes valid
// against the response schema the contract gives for that status.
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { ContractRoute, Contract } from '../../../src/contract/contract.js'
import type { Schema } from './arbitraries.js'

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
type AddFormats = (ajv: Ajv) => Ajv
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats }
const addFormats: AddFormats = formatsModule.default ?? formatsModule

export interface Response { statusCode: number, headers: Record<string, unknown>, body: string }

export class ContractJudge {
  private readonly ajv = new Ajv({ strict: false, allErrors: true })
  private readonly compiled = new WeakMap<object, ValidateFunction>()
  private readonly problem: ValidateFunction
  private readonly declared = new Map<string, Set<string>>()
  /** operationId → status → the media types the contract lists for it. */
  private readonly mediaTypes = new Map<string, Record<string, string[]>>()

  constructor (contract: Contract) {
    addFormats(this.ajv)
    const doc = contract.document as { paths: Record<string, Record<string, { operationId?: string, responses?: Record<string, { content?: Record<string, unknown> }> }>> }
    // The dereferenced Problem schema, as every 400 in the contract uses it.
    const problem = contract.routes.get('listTopics')?.schema.response['400']
    if (!problem) throw new Error('the contract has no Problem schema on listTopics 400')
    this.problem = this.ajv.compile(problem)
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        if (!op.operationId) continue
        this.declared.set(op.operationId, new Set(Object.keys(op.responses ?? {})))
        this.mediaTypes.set(op.operationId, Object.fromEntries(Object.entries(op.responses ?? {}).map(([status, r]) => [status, Object.keys(r.content ?? {})])))
      }
    }
  }

  private validator (schema: Schema): ValidateFunction {
    let v = this.compiled.get(schema)
    if (!v) {
      v = this.ajv.compile(schema)
      this.compiled.set(schema, v)
    }
    return v
  }

  /** Whether the contract lists this status for the operation. */
  declares (route: ContractRoute, status: number): boolean {
    return this.declared.get(route.operationId)?.has(String(status)) ?? false
  }

  /** Everything wrong with the response; empty when it keeps the contract. */
  judge (route: ContractRoute, res: Response): string[] {
    const status = res.statusCode
    const type = String(res.headers['content-type'] ?? '')
    if (status >= 500) return [`server error ${status}`]
    if (status === 204 || status === 304) return res.body === '' ? [] : [`${status} with a body`]
    const mediaType = type.split(';')[0]!.trim()
    const declaredTypes = this.mediaTypes.get(route.operationId)?.[String(status)] ?? []
    if (status < 400 && mediaType !== 'application/json') {
      // CSV, NDJSON, Prometheus text: the media type must be one the contract lists for this status.
      if (!declaredTypes.includes(mediaType)) return [`${status} content-type ${type} is not one the contract lists (${declaredTypes.join(', ')})`]
      if (mediaType === 'application/x-ndjson' && !res.body.split('\n').filter(Boolean).every((line) => { try { JSON.parse(line); return true } catch { return false } })) return [`${status} NDJSON has a line that is not JSON`]
      return []
    }
    let json: unknown
    try {
      json = JSON.parse(res.body)
    } catch {
      return [`${status} body is not JSON (${type}): ${res.body.slice(0, 120)}`]
    }
    if (status >= 400) {
      const problems: string[] = []
      if (!type.startsWith('application/problem+json')) problems.push(`${status} content-type is ${type}, not application/problem+json`)
      if (!this.problem(json)) problems.push(`${status} is not a Problem: ${this.ajv.errorsText(this.problem.errors)}`)
      if ((json as { status?: unknown }).status !== status) problems.push(`problem.status ${(json as { status?: unknown }).status} ≠ ${status}`)
      return problems
    }
    if (!type.startsWith('application/json')) return [`${status} content-type is ${type}, not application/json`]
    const schema = route.schema.response[String(status)]
    if (!schema) return []
    const validate = this.validator(schema)
    return validate(json) ? [] : [`${status} body does not match the contract: ${this.ajv.errorsText(validate.errors)}`]
  }
}
