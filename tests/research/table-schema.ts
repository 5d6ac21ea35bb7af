// Validates a descriptor against the vendored Frictionless profiles and casts cells as a Table Schema
// (v1) reader would: missing values, type, format and constraints; returns what failed.
import { readFileSync } from 'node:fs'
import AjvDraft04Module from 'ajv-draft-04'

export interface TableField { name: string, type: string, format?: string, constraints?: { required?: boolean, minimum?: number, maximum?: number, enum?: string[], pattern?: string } }
export interface TableSchema { fields: TableField[], missingValues?: string[] }

// CommonJS with `exports.default`: under NodeNext the default import is the module object.
const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default
const profile = (name: string): object => JSON.parse(readFileSync(new URL(`./frictionless-profiles/${name}.json`, import.meta.url), 'utf8'))

/** Profile errors of a Data Package descriptor and of each resource's Table Schema; empty when valid. */
export function profileErrors (descriptor: { resources?: { name?: string, schema?: unknown }[] }): string[] {
  // The profiles use draft-04 and annotation-only formats ("textarea"): validate structure, not UI hints.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false })
  const pkg = ajv.compile(profile('data-package'))
  const table = ajv.compile(profile('table-schema'))
  const errors = pkg(descriptor) ? [] : (pkg.errors ?? []).map((e) => `package${e.instancePath} ${e.message}`)
  for (const r of descriptor.resources ?? []) {
    if (!table(r.schema)) errors.push(...(table.errors ?? []).map((e) => `${r.name}.schema${e.instancePath} ${e.message}`))
  }
  return errors
}

const lexical: Record<string, RegExp> = {
  string: /^[\s\S]*$/,
  integer: /^[+-]?\d+$/,
  number: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  boolean: /^(true|True|TRUE|1|false|False|FALSE|0)$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  yearmonth: /^\d{4}-(0[1-9]|1[0-2])$/,
}

function castValue (field: TableField, cell: string): string | number | boolean {
  const shape = lexical[field.type]
  if (!shape) throw new Error(`type ${field.type} is not one this reader casts`)
  if (!shape.test(cell)) throw new Error(`"${cell}" is not a ${field.type}`)
  if (field.type === 'integer' || field.type === 'number') return Number(cell)
  if (field.type === 'boolean') return /^(true|True|TRUE|1)$/.test(cell)
  if (field.type === 'date' && Number.isNaN(Date.parse(`${cell}T00:00:00Z`))) throw new Error(`"${cell}" is not a calendar date`)
  return cell
}

/** Casts one cell (its text as in the CSV); throws naming what failed. Returns null for a missing value. */
export function castCell (schema: TableSchema, field: TableField, cell: string): string | number | boolean | null {
  if ((schema.missingValues ?? ['']).includes(cell)) {
    if (field.constraints?.required) throw new Error(`${field.name} is required`)
    return null
  }
  const value = castValue(field, cell)
  const c = field.constraints ?? {}
  if (c.enum && !c.enum.map((e) => castValue(field, e)).includes(value)) throw new Error(`${field.name}: "${cell}" is not in the enum`)
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(cell)) throw new Error(`${field.name}: "${cell}" does not match ${c.pattern}`)
  if (c.minimum !== undefined && (value as number) < c.minimum) throw new Error(`${field.name}: ${cell} < ${c.minimum}`)
  if (c.maximum !== undefined && (value as number) > c.maximum) throw new Error(`${field.name}: ${cell} > ${c.maximum}`)
  return value
}

/** The CSV text of an NDJSON value, as the dictionary describes it: null is missing, a list is `;`-joined. */
export const ndjsonCell = (value: unknown): string => value === null ? '' : Array.isArray(value) ? value.join(';') : String(value)

/** Every failure casting the records (objects keyed by column) with the schema, plus missing or extra columns. */
export function castErrors (schema: TableSchema, records: Record<string, string>[]): string[] {
  const errors: string[] = []
  const names = schema.fields.map((f) => f.name)
  for (const [i, record] of records.entries()) {
    const keys = Object.keys(record)
    if (keys.join() !== names.join()) errors.push(`row ${i}: columns ${keys.join()} are not the fields ${names.join()}`)
    for (const field of schema.fields) {
      try { castCell(schema, field, record[field.name] ?? '') } catch (e) { errors.push(`row ${i}: ${(e as Error).message}`) }
    }
  }
  return errors
}
