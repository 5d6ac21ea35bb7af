// Loads Prisma's official WebAssembly schema engine (the engine behind `prisma migrate`) without
// Node's experimental ESM-wasm flag, bound to a live database through the pg driver adapter.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'

const require = createRequire(import.meta.url)

// The slice of the WebAssembly API used here (the project's TypeScript lib has no DOM types).
interface WasmApi {
  instantiate: (bytes: Uint8Array, imports: Record<string, unknown>) => Promise<{ instance: { exports: Record<string, unknown> } }>
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly
let loaded: Promise<void> | undefined

/**
 * The engine arms 10-second timers (lock timeouts) that outlive the command; unref them so a finished
 * migration does not hold the process open for 10 s.
 */
function withUnrefTimers (imports: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(imports).map(([name, value]) => [
    name,
    name.startsWith('__wbg_setTimeout_') && typeof value === 'function'
      ? (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref()
      : value,
  ]))
}

// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`; this does the
// same instantiation by hand so that plain `node` (20.x) can run it.
function loadWasm (): Promise<void> {
  loaded ??= (async () => {
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const wasmPath = join(dirname(bindingsPath), 'schema_engine_bg.wasm')
    const { instance } = await wasmApi.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': withUnrefTimers(bindings) })
    const exports = instance.exports as { __wbindgen_start: () => void }
    bindings.__wbg_set_wasm(exports)
    exports.__wbindgen_start()
  })()
  return loaded
}

export interface SchemaEngineSession {
  engine: SchemaEngine
  close: () => Promise<void>
}

export async function openSchemaEngine (databaseUrl: string, datamodel?: { path: string, content: string }): Promise<SchemaEngineSession> {
  await loadWasm()
  // Our own pool, so that closing the session really closes its connections (and the engine's
  // advisory lock with them): engine.free() alone leaves them open, and the engine never releases
  // its last client, so idle clients must not keep the process alive either.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 100, allowExitOnIdle: true })
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool))
  const logs: string[] = []
  const engine = await bindings.SchemaEngine.new(
    { datamodels: datamodel ? [[datamodel.path, datamodel.content]] : undefined },
    (line: string) => { logs.push(line) },
    factory,
  )
  return {
    engine,
    close: async () => {
      engine.free()
      await pool.end()
    },
  }
}
