// Loads openapi/openapi.yaml and turns each operation into Fastify route options, so validation and
// serialisation come from the contract and nowhere else.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import $RefParser from '@apidevtools/json-schema-ref-parser'
import type { HTTPMethods } from 'fastify'
import { parse } from 'yaml'
import type { operations } from '../generated/api.js'

export type OperationId = keyof operations
type JsonSchema = Record<string, unknown>

interface ParameterObject { name: string, in: 'path' | 'query' | 'header' | 'cookie', required?: boolean, schema: JsonSchema }
interface ContentMap { [mediaType: string]: { schema?: JsonSchema } }
interface OperationObject {
  operationId: string
  parameters?: ParameterObject[]
  requestBody?: { content: ContentMap }
  responses: Record<string, { content?: ContentMap }>
}

export interface ContractRoute {
  operationId: OperationId
  method: HTTPMethods
  /** The contract's path, e.g. /v1/stories/{id}. */
  path: string
  /** The same path in Fastify's syntax, e.g. /v1/stories/:id. */
  url: string
  schema: {
    params?: JsonSchema
    querystring?: JsonSchema
    headers?: JsonSchema
    body?: JsonSchema
    response: Record<string, JsonSchema>
  }
}

export interface Contract {
  /** The document as written, for /openapi.json and the reference UI. */
  document: Record<string, unknown>
  routes: Map<OperationId, ContractRoute>
  /** Fastify route options (method, url, schema) for one operation. */
  route: (operationId: OperationId) => Pick<ContractRoute, 'method' | 'url' | 'schema'>
}

export const contractPath = fileURLToPath(new URL('../../openapi/openapi.yaml', import.meta.url))
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

function objectSchema (params: ParameterObject[], where: ParameterObject['in']): JsonSchema | undefined {
  const selected = params.filter((p) => p.in === where)
  if (selected.length === 0) return undefined
  // HTTP header names are case-insensitive and Node lower-cases them.
  const name = (p: ParameterObject): string => (where === 'header' ? p.name.toLowerCase() : p.name)
  return {
    type: 'object',
    properties: Object.fromEntries(selected.map((p) => [name(p), p.schema])),
    required: selected.filter((p) => p.required === true).map(name),
  }
}

function firstSchema (content: ContentMap | undefined): JsonSchema | undefined {
  if (!content) return undefined
  const [first] = Object.values(content)
  return first?.schema
}

function toRoute (method: (typeof methods)[number], path: string, op: OperationObject): ContractRoute {
  const params = op.parameters ?? []
  const response: Record<string, JsonSchema> = {}
  for (const [status, def] of Object.entries(op.responses)) {
    const schema = firstSchema(def.content)
    // A schema-less object (the contract itself) is sent pre-serialised.
    if (schema && !(schema.type === 'object' && !schema.properties)) response[status] = schema
  }
  const schema: ContractRoute['schema'] = { response }
  const parts = { params: objectSchema(params, 'path'), querystring: objectSchema(params, 'query'), headers: objectSchema(params, 'header'), body: firstSchema(op.requestBody?.content) }
  for (const [key, value] of Object.entries(parts)) if (value) Object.assign(schema, { [key]: value })
  return {
    operationId: op.operationId as OperationId,
    method: method.toUpperCase() as HTTPMethods,
    path,
    url: path.replace(/\{([^}]+)\}/g, ':$1'),
    schema,
  }
}

export async function loadContract (path = contractPath): Promise<Contract> {
  const text = await readFile(path, 'utf8')
  const document = parse(text) as Record<string, unknown>
  const resolved = await $RefParser.dereference(parse(text) as object) as { paths: Record<string, Record<string, OperationObject>> }
  const routes = new Map<OperationId, ContractRoute>()
  for (const [path, item] of Object.entries(resolved.paths)) {
    for (const method of methods) {
      const op = item[method]
      if (op) routes.set(op.operationId as OperationId, toRoute(method, path, op))
    }
  }
  return {
    document,
    routes,
    route (operationId) {
      const route = routes.get(operationId)
      if (!route) throw new Error(`operation ${operationId} is not in the contract`)
      return { method: route.method, url: route.url, schema: route.schema }
    },
  }
}
