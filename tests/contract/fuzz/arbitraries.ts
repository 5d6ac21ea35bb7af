// fast-check arbitraries from the contract's JSON schemas (valid values) and a pool of hostile strings.
import fc from 'fast-check'

export type Schema = Record<string, unknown>

/** Values the generator draws from where a random value would almost never hit real data. */
export interface Pools {
  uuids: string[]
  sites: string[]
  topics: string[]
  ifMatch: string[]
  manageTokens: string[]
  urls: string[]
}

const slugPattern = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
const asList = <T>(v: unknown): T[] => (Array.isArray(v) ? v as T[] : [])

function stringOf (s: Schema, pools: Pools): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0
  const max = Math.min(typeof s.maxLength === 'number' ? s.maxLength : 80, Math.max(min, 300))
  const fits = (v: string): boolean => [...v].length >= min && [...v].length <= max
  switch (s.format) {
    case 'uuid': return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.uuids) }, fc.uuid())
    case 'email': return fc.emailAddress().filter(fits)
    case 'uri': return fc.constantFrom(...pools.urls)
    case 'date': return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    case 'date-time': return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
  }
  if (s.pattern === slugPattern) return fc.oneof(fc.constantFrom(...pools.sites), fc.stringMatching(new RegExp(slugPattern), { size: 'small' }).filter(fits))
  if (typeof s.pattern === 'string') {
    return fc.stringMatching(new RegExp(s.pattern), { size: 'small' }).filter(fits)
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, min + 60), unit: 'grapheme-ascii' }),
    fc.string({ minLength: min, maxLength: Math.min(max, min + 60), unit: 'grapheme' }),
  ).filter(fits)
}

function objectOf (s: Schema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties ?? {}) as Record<string, Schema>
  const keys = Object.keys(properties)
  if (keys.length === 0 || depth > 5) return fc.constant({})
  const required = asList<string>(s.required).filter((k) => keys.includes(k))
  const model = Object.fromEntries(keys.map((k) => [k, valueOf(properties[k]!, pools, depth + 1)]))
  const min = typeof s.minProperties === 'number' ? s.minProperties : 0
  return fc.record(model, { requiredKeys: required }).filter((o) => Object.keys(o).length >= min) as fc.Arbitrary<Record<string, unknown>>
}

/** Merges allOf branches into one object schema (properties and required lists united). */
function merged (branches: Schema[]): Schema {
  const out: Schema = { type: 'object', properties: {}, required: [] }
  for (const b of branches) {
    Object.assign(out.properties as Schema, b.properties ?? {})
    out.required = [...asList<string>(out.required), ...asList<string>(b.required)]
  }
  return out
}

/** A valid value for the schema (as far as this generator understands it). */
export function valueOf (s: Schema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const)
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]))
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) return fc.oneof(...asList<Schema>(s.oneOf ?? s.anyOf).map((b) => valueOf(b, pools, depth + 1)))
  if (Array.isArray(s.allOf)) return valueOf(merged(s.allOf as Schema[]), pools, depth)
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((type) => valueOf({ ...s, type }, pools, depth)))
  switch (s.type) {
    case 'null': return fc.constant(null)
    case 'boolean': return fc.boolean()
    case 'integer': return fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -1000, max: typeof s.maximum === 'number' ? s.maximum : 1_000_000 })
    case 'number': return fc.double({ min: typeof s.minimum === 'number' ? s.minimum : -1e6, max: typeof s.maximum === 'number' ? s.maximum : 1e6, noNaN: true })
    case 'string': return stringOf(s, pools)
    case 'array': {
      const items = valueOf((s.items ?? {}) as Schema, pools, depth + 1)
      const constraints = { minLength: typeof s.minItems === 'number' ? s.minItems : 0, maxLength: Math.min(typeof s.maxItems === 'number' ? s.maxItems : 4, 4) }
      return s.uniqueItems === true ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints)
    }
    case 'object': return objectOf(s, pools, depth)
  }
  return fc.jsonValue({ maxDepth: 2 })
}

const uuid = '3f1c2b9e-8d4a-4c1e-9b7a-2e6f5d4c3b2a'
const hundredKb = 100 * 1024

/** Strings meant to break something: injection, markup, odd Unicode, huge, bad ids and dates. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(
    "' OR 1=1 --", "'; DROP TABLE stories; --", '" OR ""="', '1; SELECT pg_sleep(5)', '$1', '\\',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '{{7*7}}', '${jndi:ldap://x/a}',
    '\u202Eevil\u202C', '\u200F\u200E\u061C', '😀🏳️‍🌈👩‍👩‍👧‍👦', '\uD800', '\uDFFF', 'a\uDC00b', 'nul\u0000byte', '\u0000',
    '\u200B\u200C\u200D\uFEFF', 'e\u0301\u0301\u0301', '\u2028\u2029', '\r\n\t', '../../etc/passwd', '%00', '%2e%2e%2f',
    '', ' ', 'null', 'undefined', 'NaN', 'true', '-1', '0', '1e309', '9'.repeat(40), '__proto__', 'constructor',
  ) },
  // Text crafted against masking and triage: backtracking bait and hidden words (issues #12, #13).
  { weight: 2, arbitrary: fc.constantFrom(
    'é'.repeat(9998) + '@x', 'a@'.repeat(4000), 'x (at) '.repeat(1000), ' '.repeat(9000) + 'x@y.com', '1 '.repeat(4000),
    'I want to die. '.repeat(600), 'k\u200Dill my\u2060self', 'i want to k1ll mys3lf', 'name\uFF20example.com',
    ('no '.repeat(50) + 'flashbacks ').repeat(60),
  ) },
  { weight: 2, arbitrary: fc.constantFrom(
    'not-a-uuid', uuid.replaceAll('-', ''), `{${uuid}}`, `${uuid}0`, uuid.toUpperCase(), '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff', `${uuid}'--`, 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  ) },
  { weight: 2, arbitrary: fc.constantFrom(
    '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '0000-00-00', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z',
    '1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', 'yesterday', '1e100', '2024-02-30', '0000-01-01', '-0001-01-01', '275760-09-13', '1900-01-01', '2024-1-1',
  ) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(hundredKb), '😀'.repeat(hundredKb / 4), `${'\u202E'.repeat(1000)}${'a'.repeat(hundredKb)}`) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 40 }) },
)

/** Cursors a client could forge: junk, base64url of wrong shapes, out-of-range or invalid dates. */
export const badCursor: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.base64String({ maxLength: 60 }),
  fc.tuple(
    fc.constantFrom('2024-02-30T00:00:00Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-004714-01-01T00:00:00Z', '0001-01-01T00:00:00Z', 'x', 12, null),
    fc.constantFrom(uuid, 'not-a-uuid', 5, null),
    fc.constantFrom(null, 'critical', 'zzz', 3, "' OR 1=1 --"),
  ).map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url')),
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
)

/** A value of another JSON type than the schema asks for. */
export function wrongType (s: Schema): fc.Arbitrary<unknown> {
  const types = Array.isArray(s.type) ? s.type as string[] : [s.type]
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.constantFrom('12', 'true', 'x')], ['integer', fc.constantFrom(0, -1, 2 ** 53, 1.5)], ['number', fc.constantFrom(1e308, -0.5)],
    ['boolean', fc.boolean()], ['null', fc.constant(null)], ['array', fc.constantFrom([], ['a'], [1, [2]])],
    ['object', fc.constantFrom({}, { a: 1 }, { $gt: '' })],
  ]
  const others = all.filter(([type]) => !types.includes(type) && !(type === 'number' && types.includes('integer')))
  return fc.oneof(...others.map(([, arb]) => arb))
}
