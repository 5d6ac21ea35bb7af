// The contract is the truth: every operation is served, every served route is in it, types are fresh, and each operation asks for the key its route checks.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, siteWithTopic } from '../helpers/factories.js'

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

t.test("each operation's security scheme is the role check the server makes", async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site } = await siteWithTopic(db)
  const keys = { admin: await apiKey(db, 'admin'), moderator: await apiKey(db, 'moderator', [site.slug]), researcher: await apiKey(db, 'researcher', [site.slug]) }
  const opens: Record<string, string[]> = { adminKey: ['admin'], moderatorKey: ['moderator', 'admin'], researcherKey: ['researcher', 'admin'] }
  const paths = app.contract.document.paths as Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>
  for (const route of app.contract.routes.values()) {
    const schemes = (paths[route.path]?.[route.method.toLowerCase()]?.security ?? []).flatMap((s) => Object.keys(s))
    const allowed = new Set(schemes.flatMap((s) => opens[s] ?? []))
    const url = route.url.replace(':site', site.slug).replace(/:[a-zA-Z]+/g, '3f1c2b9e-8d4a-4c1e-9b7a-2e6f5d4c3b2a')
    for (const [role, key] of Object.entries(keys)) {
      const res = await app.inject({ method: route.method as 'GET', url, headers: bearer(key) })
      const refused = res.statusCode === 403 && res.json<{ code: string }>().code === 'forbidden_role'
      const expected = schemes.some((s) => s in opens) && !allowed.has(role)
      t.equal(refused, expected, `${route.operationId} (${schemes.join(', ') || 'public'}) with a ${role} key: ${expected ? 'forbidden_role' : 'no role refusal'}`)
    }
  }
})
