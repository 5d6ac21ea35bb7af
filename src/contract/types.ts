// Request and reply types for a route, derived from the types openapi-typescript generates.
import type { operations } from '../generated/api.js'
import type { OperationId } from './contract.js'

// Fastify always provides params, query and headers objects, even when the contract makes them optional.
type Part<T, K extends string> = T extends { [P in K]?: infer V } ? NonNullable<V> : never
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : undefined
type Success<R> = { [S in keyof R]: S extends 200 | 201 | 202 ? JsonOf<R[S]> : never }[keyof R]

/** Fastify route generics for one operation of the contract. */
export interface RouteTypes<Op extends OperationId> {
  Params: Part<operations[Op]['parameters'], 'path'>
  Querystring: Part<operations[Op]['parameters'], 'query'>
  Headers: Part<operations[Op]['parameters'], 'header'>
  Body: JsonOf<NonNullable<operations[Op]['requestBody']>>
  Reply: Success<operations[Op]['responses']>
}

export type Schemas = import('../generated/api.js').components['schemas']
