// Requests for one contract operation: valid ones drawn from its schemas, and mutated ones (hostile
// values, wrong types, missing fields, unknown fields, broken JSON, wrong content types, bad keys).
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import type { ContractRoute } from '../../../src/contract/contract.js'
import { badCursor, hostileString, valueOf, wrongType, type Pools, type Schema } from './arbitraries.js'

export type Role = 'admin' | 'moderator' | 'researcher'
export interface Keys { admin: string, moderator: string, researcher: string }

export interface FuzzRequest {
  /** `valid`, or the mutations applied, e.g. `body-missing:title+auth:none`. */
  kind: string
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
}

type Auth = 'role' | 'none' | 'garbage' | 'wrong-role' | 'hash' | 'basic'
interface Parts {
  params: Record<string, unknown>
  query: Record<string, unknown>
  headers: Record<string, unknown>
  body: unknown
  raw?: string
  contentType?: string
  auth: Auth
}
interface Mutation { name: string, apply: (p: Parts) => void }

const props = (s: Schema | undefined): Record<string, Schema> => (s?.properties ?? {}) as Record<string, Schema>
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Percent-encodes anything, lone surrogates included (as the invalid UTF-8 a raw client could send). */
export function encodeAny (value: string): string {
  let out = ''
  for (const ch of value) {
    const code = ch.codePointAt(0)!
    out += code >= 0xd800 && code <= 0xdfff
      ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
      : encodeURIComponent(ch)
  }
  return out
}

/** What a header can carry on the wire: the UTF-8 bytes as latin1, without control characters. */
const headerSafe = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v) ?? '', 'utf8').toString('latin1').replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')

function validParts (route: ContractRoute, pools: Pools): fc.Arbitrary<Parts> {
  const paramArbs = Object.fromEntries(Object.entries(props(route.schema.params)).map(([name, schema]) => {
    if (name === 'site') return [name, fc.constantFrom(...pools.sites)]
    if (name === 'topic') return [name, fc.constantFrom(...pools.topics)]
    return [name, valueOf(schema, pools)]
  }))
  const headerProps = props(route.schema.headers)
  const headerArbs = Object.fromEntries(Object.entries(headerProps).map(([name, schema]) => {
    if (name === 'if-match') return [name, fc.constantFrom(...pools.ifMatch)]
    if (name === 'x-manage-token') return [name, fc.constantFrom(...pools.manageTokens)]
    return [name, valueOf(schema, pools)]
  }))
  const required = ((route.schema.headers?.required ?? []) as string[])
  return fc.record({
    params: fc.record(paramArbs),
    query: route.schema.querystring ? valueOf(route.schema.querystring, pools) as fc.Arbitrary<Record<string, unknown>> : fc.constant({}),
    headers: fc.record(headerArbs, { requiredKeys: required }),
    body: route.schema.body ? valueOf(route.schema.body, pools) : fc.constant(undefined),
    auth: fc.constant<Auth>('role'),
  }) as fc.Arbitrary<Parts>
}

/** One field of the body (top level or one level down) with its schema. */
function bodyFields (body: Schema | undefined): Array<{ path: string[], schema: Schema }> {
  const out: Array<{ path: string[], schema: Schema }> = []
  for (const [k, s] of Object.entries(props(body))) {
    out.push({ path: [k], schema: s })
    for (const [k2, s2] of Object.entries(props(s))) out.push({ path: [k, k2], schema: s2 })
  }
  return out
}

function setAt (p: Parts, path: string[], value: unknown, remove = false): void {
  if (!isObject(p.body)) p.body = {}
  let target = p.body as Record<string, unknown>
  for (const key of path.slice(0, -1)) {
    if (!isObject(target[key])) target[key] = {}
    target = target[key] as Record<string, unknown>
  }
  const last = path.at(-1)!
  if (remove) delete target[last]
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true })
}

const rawBodies = [
  '{"title": "unterminated', '', 'null', '[]', '"a string"', '12', '{"a":1}{"b":2}', '\uFEFF{}', '{"a":'.repeat(3000),
  `{"body":"${'y'.repeat(70_000)}"}`, '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000',
]
const contentTypes = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html',
  'application/json; charset=latin1', 'application/problem+json', 'application/json;', 'APPLICATION/JSON', 'application/vnd.api+json',
  'application/json, text/html', 'application/octet-stream', ' ',
]

function mutations (route: ContractRoute): fc.Arbitrary<Mutation> {
  const list: Array<fc.Arbitrary<Mutation>> = []
  const params = Object.keys(props(route.schema.params))
  const query = props(route.schema.querystring)
  const headers = Object.keys(props(route.schema.headers))
  const fields = bodyFields(route.schema.body)
  const required = fields.filter((f) => {
    const parent = f.path.length === 1 ? route.schema.body : props(route.schema.body)[f.path[0]!]
    return ((parent?.required ?? []) as string[]).includes(f.path.at(-1)!)
  })
  if (params.length) {
    list.push(fc.tuple(fc.constantFrom(...params), hostileString).map(([name, v]) => ({ name: `param:${name}`, apply: (p) => { p.params[name] = v } })))
  }
  const queryNames = Object.keys(query)
  if (queryNames.length) {
    list.push(fc.constantFrom(...queryNames).chain((name) => fc.oneof(hostileString, wrongType(query[name]!)).map((v) => ({ name: `query:${name}`, apply: (p: Parts) => { p.query[name] = v } }))))
  }
  if (queryNames.includes('cursor')) list.push(badCursor.map((v) => ({ name: 'query:bad-cursor', apply: (p) => { p.query.cursor = v } })))
  list.push(fc.tuple(fc.constantFrom('foo', 'limit[]', '__proto__', 'a.b', "x' OR 1=1"), hostileString).map(([k, v]) => ({ name: 'query:unknown', apply: (p) => { p.query[k] = v } })))
  if (headers.length) {
    list.push(fc.tuple(fc.constantFrom(...headers), hostileString).map(([name, v]) => ({ name: `header:${name}`, apply: (p) => { p.headers[name] = v } })))
  }
  if (fields.length) {
    list.push(fc.constantFrom(...fields).chain((f) => wrongType(f.schema).map((v) => ({ name: `body-type:${f.path.join('.')}`, apply: (p: Parts) => { setAt(p, f.path, v) } }))))
    list.push(fc.tuple(fc.constantFrom(...fields), hostileString).map(([f, v]) => ({ name: `body-hostile:${f.path.join('.')}`, apply: (p) => { setAt(p, f.path, v) } })))
  }
  if (required.length) list.push(fc.constantFrom(...required).map((f) => ({ name: `body-missing:${f.path.join('.')}`, apply: (p) => { setAt(p, f.path, undefined, true) } })))
  if (route.schema.body) {
    list.push(fc.tuple(fc.constantFrom('isAdmin', 'status', '__proto__', 'constructor', 'id', 'version'), fc.oneof(hostileString, fc.jsonValue())).map(([k, v]) => ({ name: `body-extra:${k}`, apply: (p) => { setAt(p, [k], v) } })))
  }
  list.push(fc.constantFrom(...rawBodies).map((raw) => ({ name: 'body-raw', apply: (p) => { p.raw = raw } })))
  list.push(fc.constantFrom(...contentTypes).map((type) => ({ name: `content-type:${type.trim()}`, apply: (p) => { p.contentType = type; p.body ??= { a: 1 } } })))
  list.push(fc.constantFrom<Auth>('none', 'garbage', 'wrong-role', 'hash', 'basic').map((auth) => ({ name: `auth:${auth}`, apply: (p) => { p.auth = auth } })))
  return fc.oneof(...list)
}

function authHeader (auth: Auth, role: Role | undefined, keys: Keys): string | undefined {
  const own = keys[role ?? 'moderator']
  switch (auth) {
    case 'role': return role ? `Bearer ${own}` : undefined
    case 'none': return undefined
    case 'garbage': return 'Bearer cnd_\u00ff\u00fe not a key'
    case 'wrong-role': return `Bearer ${role === 'admin' ? keys.moderator : keys.researcher}`
    case 'hash': return `Bearer ${createHash('sha256').update(own).digest('hex')}`
    case 'basic': return 'Basic dXNlcjpwYXNz'
  }
}

function toRequest (route: ContractRoute, parts: Parts, kind: string, role: Role | undefined, keys: Keys): FuzzRequest {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeAny(asText(parts.params[name])))
  const query = Object.entries(parts.query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => `${encodeAny(k)}=${encodeAny(asText(item))}`))
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(parts.headers)) if (value !== undefined) headers[name] = headerSafe(value)
  const authorization = authHeader(parts.auth, role, keys)
  if (authorization) headers.authorization = headerSafe(authorization)
  const payload = parts.raw ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body))
  if (payload !== undefined) headers['content-type'] = headerSafe(parts.contentType ?? 'application/json')
  return { kind, method: route.method, url: query.length ? `${path}?${query.join('&')}` : path, headers, ...(payload !== undefined ? { payload } : {}) }
}

/** Valid requests about a third of the time, the rest with one or two mutations. */
export function requestsFor (route: ContractRoute, role: Role | undefined, pools: Pools, keys: Keys): fc.Arbitrary<FuzzRequest> {
  const valid = validParts(route, pools)
  const mutated = fc.tuple(valid, fc.array(mutations(route), { minLength: 1, maxLength: 2 }))
  return fc.oneof(
    valid.map((parts) => toRequest(route, parts, 'valid', role, keys)),
    { weight: 2, arbitrary: mutated.map(([drawn, ms]) => {
      const parts = structuredClone(drawn)
      for (const m of ms) m.apply(parts)
      return toRequest(route, parts, ms.map((m) => m.name).join('+'), role, keys)
    }) },
  )
}
