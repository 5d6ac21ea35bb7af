// The contract is the truth: every operation is served, every served route is in it, types are fresh.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

// Served by @fastify/swagger-ui for the reference page, the embeddable widget and the console; not API operations.
const outsideContract = /^\/(docs|embed|console)(\/|$)|^\*$/

t.test('the server and the contract list the same operations', async (t) => {
  const { app } = await buildTestApp(t)
  await app.ready()
  const served = new Set(app.servedRoutes.filter((r) => !outsideContract.test(r.url)).map((r) => `${r.method} ${r.url}`))
  const inContract = new Set([...app.contract.routes.values()].map((r) => `${r.method} ${r.url}`))
  t.same([...inContract].filter((r) => !served.has(r)), [], 'every contract operation is served')
  t.same([...served].filter((r) => !inContract.has(r)), [], 'every served route is in the contract')
  t.ok(inContract.size >= 20)
})

t.test('the generated types are fresh', async (t) => {
  // Generated in a scratch directory: inside the project, redocly.yaml would send the output to src/generated.
  const dir = mkdtempSync(join(tmpdir(), 'candor-types-'))
  copyFileSync('openapi/openapi.yaml', join(dir, 'openapi.yaml'))
  execFileSync(join(process.cwd(), 'node_modules/.bin/openapi-typescript'), ['openapi.yaml', '-o', 'api.ts'], { cwd: dir, stdio: 'pipe' })
  t.equal(readFileSync(join(dir, 'api.ts'), 'utf8'), readFileSync('src/generated/api.ts', 'utf8'), 'run `npm run generate:api` after changing openapi/openapi.yaml')
})

t.test('/openapi.json serves the contract and /docs renders it', async (t) => {
  const { app } = await buildTestApp(t)
  const doc = await app.inject({ url: '/openapi.json' })
  t.equal(doc.statusCode, 200)
  t.match(doc.headers['content-type'], /application\/json/)
  t.equal(doc.json().openapi, '3.1.0')
  t.ok(doc.json().paths['/v1/moderation/queue'])
  const docs = await app.inject({ url: '/docs/' })
  t.equal(docs.statusCode, 200)
  t.match(docs.body, /swagger-ui/i)
})
