// /docs in real Chromium: the reference UI renders and works under its Content-Security-Policy with no
// violation, no console error and no request leaving this origin.
import { chromium } from 'playwright-core'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { chromiumAvailable } from '../helpers/browser.js'

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

t.test('/docs renders under its CSP without violations', async (t) => {
  if (!chromiumAvailable(t)) return
  const { app } = await buildTestApp(t)
  const origin = await app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
  t.teardown(() => browser.close())
  const page = await browser.newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`) })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`) })
  // Runs in the page (a string, since the tests are typechecked without the DOM library).
  await page.addInitScript({ content: "document.addEventListener('securitypolicyviolation', (e) => { console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI) })" })

  const res = await page.goto(`${origin}/docs/`)
  const policy = res?.headers()['content-security-policy'] ?? ''
  t.match(policy, /default-src 'none'/, 'a deny-by-default policy')
  t.notMatch(policy, /unsafe-inline|unsafe-eval|https:|validator\.swagger\.io/, 'with no inline, eval or third-party allowances')
  await page.waitForSelector('.opblock', { timeout: 20_000 })
  t.ok(await page.locator('.opblock').count() > 20, 'every operation is listed')
  t.equal(await page.locator('.info a[href*="Apache-2.0"], .info :text("Apache License 2.0")').count() > 0, true, 'the page says the licence')
  await page.locator('.opblock-summary').first().click()
  await page.waitForSelector('.opblock-body', { timeout: 10_000 })
  await page.waitForTimeout(500)
  t.same(problems, [], 'no CSP violation, console error or outside request')
})
