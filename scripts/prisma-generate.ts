// Runs `prisma generate`. Generation needs only WebAssembly, but the CLI insists that a schema-engine
// binary exists (and downloads one when it does not, which fails offline), so point it at a stub.
import { execFileSync } from 'node:child_process'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const stub = join(mkdtempSync(join(tmpdir(), 'candor-prisma-')), 'schema-engine')
writeFileSync(stub, '#!/bin/sh\necho "schema engine stub: use npm run db:migrate" >&2\nexit 1\n', { mode: 0o755 })
execFileSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
})
