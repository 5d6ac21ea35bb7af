// The OWASP contract lint (.spectral.yaml): Spectral finds nothing, every request string, array and
// integer has a bound, and no exception to the bound rules reaches anything a request can carry.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { parse } from 'yaml'

type Node = Record<string, unknown>
const contract = parse(readFileSync('openapi/openapi.yaml', 'utf8')) as { paths: Record<string, Record<string, Node>> }
const ruleset = parse(readFileSync('.spectral.yaml', 'utf8')) as { overrides: Array<{ files: string[], rules: Record<string, string> }> }

const encode = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')
const resolve = (ref: string): unknown => ref.slice(2).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
  .reduce<unknown>((node, key) => (node as Node | undefined)?.[key], contract)

/** Every node a request can carry (parameters and bodies, following $refs), by JSON pointer. */
function requestNodes (): Map<string, Node> {
  const found = new Map<string, Node>()
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || found.has(pointer)) return
    found.set(pointer, node as Node)
    const ref = (node as Node).$ref
    if (typeof ref === 'string') walk(resolve(ref), ref)
    for (const [key, value] of Object.entries(node)) if (key !== '$ref') walk(value, `${pointer}/${encode(key)}`)
  }
  for (const [path, item] of Object.entries(contract.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const part of ['parameters', 'requestBody']) {
        if (op[part] !== undefined) walk(op[part], `#/paths/${encode(path)}/${method}/${part}`)
      }
    }
  }
  return found
}

const types = (node: Node): unknown[] => (Array.isArray(node.type) ? node.type : [node.type])

t.test('every request string, array and integer has a bound', async (t) => {
  const unbounded: string[] = []
  let checked = 0
  for (const [pointer, node] of requestNodes()) {
    const kinds = types(node)
    if (kinds.includes('string')) {
      checked++
      if (node.maxLength === undefined && node.enum === undefined && node.const === undefined) unbounded.push(`${pointer}: string without maxLength`)
    }
    if (kinds.includes('array')) {
      checked++
      if (node.maxItems === undefined) unbounded.push(`${pointer}: array without maxItems`)
    }
    if (kinds.includes('integer')) {
      checked++
      if (node.minimum === undefined || node.maximum === undefined) unbounded.push(`${pointer}: integer without minimum and maximum`)
      if (node.format !== 'int32' && node.format !== 'int64') unbounded.push(`${pointer}: integer without format`)
    }
  }
  t.ok(checked > 50, `${checked} request strings, arrays and integers checked`)
  t.same(unbounded, [])
})

t.test('no exception to the bound rules covers what a request carries', async (t) => {
  const request = [...requestNodes().keys()]
  const boundRules = ['owasp:api4:2023-string-limit', 'owasp:api4:2023-array-limit', 'owasp:api4:2023-integer-limit', 'owasp:api4:2023-integer-format']
  let exceptions = 0
  for (const override of ruleset.overrides) {
    const pointers = override.files.map((file) => decodeURIComponent(file.slice(file.indexOf('#'))))
    const off = Object.keys(override.rules)
    for (const pointer of pointers) {
      t.ok(resolve(pointer) !== undefined, `${pointer} is in the contract`)
      if (off.some((rule) => boundRules.includes(rule))) {
        exceptions++
        const reached = request.filter((p) => p === pointer || p.startsWith(`${pointer}/`))
        t.same(reached, [], `${pointer} is response-only`)
      }
      if (off.includes('owasp:api4:2023-string-restricted') && !off.includes('owasp:api4:2023-string-limit')) {
        const node = resolve(pointer) as Node
        t.ok(types(node).includes('string') && typeof node.maxLength === 'number', `${pointer}: free text with a maxLength`)
      }
    }
  }
  t.ok(exceptions > 10)
})

t.test('Spectral with the OWASP ruleset finds nothing in the contract', async (t) => {
  const spectral = join(process.cwd(), 'node_modules/.bin/spectral')
  const { stdout } = await promisify(execFile)(spectral, ['lint', 'openapi/openapi.yaml', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'], { maxBuffer: 16 * 1024 * 1024 })
    .catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }))
  const findings = JSON.parse(stdout || '[]') as Array<{ code: string, path: string[] }>
  t.same(findings.map((f) => `${f.code} at ${f.path.join('.')}`), [])
})
