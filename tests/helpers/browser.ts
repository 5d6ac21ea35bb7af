// The embed widget's browser-test rig: the API on loopback, a cross-origin strict-CSP host page, seeded stories, and headless Chromium watched for CSP violations, errors and stray requests.
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import type { Test } from 'tap'
import type { Db } from '../../src/db/client.js'
import { createSite, createTopic } from '../../src/sites/sites.js'
import { buildTestApp } from './app.js'
import { apiKey, decideOn, storyInput, submit } from './factories.js'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
export const artifacts = 'tests/embed/artifacts'
export const topicSlug = 'craniosacral-massage'

/** True when Chromium is installed; otherwise fails the test with how to install it. */
export function chromiumAvailable (t: Test): boolean {
  if (existsSync(chromiumPath)) return true
  t.fail(`Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`)
  return false
}

export interface WidgetSite {
  app: FastifyInstance
  db: Db
  apiOrigin: string
  hostOrigin: string
  moderator: string
  storiesUrl: string
  /** Approved story ids by title. */
  storyIds: Map<string, string>
}

/** Serves a host page on its own loopback origin that embeds the widget and allows only the API. */
async function hostPage (t: Test, apiOrigin: string): Promise<string> {
  // No `api` attribute: the widget must find the API from the origin of its own script.
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A site about craniosacral massage</h1>
<candor-stories site="widget" topic="${topicSlug}" page-size="2" data-strings='{"storiesHeading":"Experiences"}'></candor-stories>
<script src="${apiOrigin}/embed/v1/stories.js"></script></body></html>`
  const host: Server = createServer((req, res) => {
    if (req.url !== '/') { res.writeHead(404).end(); return }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src ${apiOrigin}; connect-src ${apiOrigin}; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    }).end(page)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => host.close(() => resolve())))
  return `http://127.0.0.1:${(host.address() as AddressInfo).port}`
}

/**
 * The API listening on loopback behind the host page, with the "widget" site (its crisis resources,
 * the host page's origin allowed) and the "demo" site, and five approved stories on the widget topic.
 */
export async function widgetSite (t: Test): Promise<WidgetSite> {
  mkdirSync(artifacts, { recursive: true })
  const { app, db } = await buildTestApp(t)
  const apiOrigin = await app.listen({ host: '127.0.0.1', port: 0 })
  const hostOrigin = await hostPage(t, apiOrigin)

  // Seed: approved stories (oldest first; the content-warning one is newest so it is on the first page).
  const resources = [{ name: 'Test helpline', contact: 'Call 0000' }]
  await createSite(db, { slug: 'widget', name: 'Widget site', allowedOrigins: [hostOrigin], settings: { smallCellK: 10, crisisResources: resources } })
  await createTopic(db, 'widget', { slug: topicSlug, title: 'Craniosacral massage', question: 'Was it effective for you?' })
  await createSite(db, { slug: 'demo', name: 'Demo', allowedOrigins: [] })
  await createTopic(db, 'demo', { slug: topicSlug, title: 'Craniosacral massage', question: 'Did it work?' })
  const moderator = await apiKey(db, 'moderator', ['widget', 'demo'])
  const storiesUrl = `/v1/sites/widget/topics/${topicSlug}/stories`
  const seeds = [
    { title: 'Calmer after three sessions', body: 'My jaw pain eased and I sleep better now, after three sessions.', verdict: 'effective' },
    { title: 'No change for my back pain', body: 'Six sessions and my lower back pain was exactly the same as before.', verdict: 'ineffective' },
    { title: 'Not sure what to think', body: 'It was relaxing while it lasted but I cannot say it changed anything.', verdict: null },
    { title: 'Markup <script>alert(1)</script> stays text', body: 'It helped. <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> Really it did.', verdict: 'effective' },
    { title: 'Hard memories came up', body: 'During the second session old memories of the accident came back and I left in tears.', verdict: 'ineffective', cw: true },
  ]
  const storyIds = new Map<string, string>()
  for (const s of seeds) {
    const { id } = await submit(app, storiesUrl, { title: s.title, body: s.body, verdict: s.verdict })
    const decided = await decideOn(app, moderator, id, { action: 'approve', contentWarnings: s.cw ? ['trauma_response'] : [] })
    t.equal(decided.statusCode, 200, `approved "${s.title}"`)
    storyIds.set(s.title, id)
  }
  return { app, db, apiOrigin, hostOrigin, moderator, storiesUrl, storyIds }
}

/** An approved story on the demo site's topic; returns its id. */
export async function approvedDemoStory (site: WidgetSite): Promise<string> {
  const { id } = await submit(site.app, `/v1/sites/demo/topics/${topicSlug}/stories`, storyInput())
  await decideOn(site.app, site.moderator, id, { action: 'approve' })
  return id
}

export interface WidgetPage {
  page: Page
  widget: Locator
  /** Every URL the page requested. */
  requests: string[]
  /** Page errors, console errors and CSP reports. */
  problems: string[]
  /** Responses with status >= 400, as "status METHOD path". */
  failed: string[]
}

/** Headless Chromium with one page whose requests, failed responses, errors and CSP reports are recorded. */
export async function watchedPage (t: Test): Promise<Omit<WidgetPage, 'widget'>> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  t.teardown(() => browser.close())
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } })
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const failed: string[] = []
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`) })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  // Failed responses are checked one by one by the tests; every other console error is a problem.
  page.on('console', (m) => { if ((m.type() === 'error' && !/^Failed to load resource/.test(m.text())) || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`) })
  await page.addInitScript(() => {
    const w = globalThis as any
    w.__csp = []
    w.document.addEventListener('securitypolicyviolation', (e: any) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  return { page, requests, problems, failed }
}

/** Headless Chromium showing the host page, with the widget rendered and everything it does recorded. */
export async function openWidget (t: Test, site: WidgetSite): Promise<WidgetPage> {
  const watched = await watchedPage(t)
  await watched.page.setViewportSize({ width: 900, height: 1400 })
  const widget = watched.page.locator('candor-stories')
  await watched.page.goto(site.hostOrigin)
  await widget.getByRole('heading', { name: 'Share your story' }).waitFor({ timeout: 15000 })
  return { ...watched, widget }
}

/** Moves the page to the API's own demo page and waits for the widget there. */
export async function openDemoPage (site: WidgetSite, { page, widget }: WidgetPage): Promise<void> {
  await page.goto(`${site.apiOrigin}/embed/demo`)
  await widget.getByRole('heading', { name: 'Share your story' }).waitFor()
}

/** The CSP violations the current document has reported. */
export async function cspViolations (page: Page): Promise<string[]> {
  return await page.evaluate(() => (globalThis as any).__csp)
}

/** Sends an invalid body to the API and returns a lookup of its problem detail by JSON pointer. */
export async function problemDetails (app: FastifyInstance, url: string, payload: Record<string, unknown>): Promise<(pointer: string) => string> {
  const expected = (await app.inject({ method: 'POST', url, payload })).json<{ errors: Array<{ pointer: string, detail: string }> }>().errors
  return (pointer) => expected.find((e) => e.pointer === pointer)?.detail ?? `(no problem for ${pointer})`
}

/**
 * The closing check of a file, with the page last on the demo page: no CSP violation there, no console
 * error or CSP report on any page, only the expected failed requests, and only the host and API contacted.
 */
export async function checkNothingStray (t: Test, site: WidgetSite, tab: WidgetPage, expectedFailures: string[], failuresMessage: string): Promise<void> {
  const { apiOrigin, hostOrigin } = site
  const { requests } = tab
  t.same(await cspViolations(tab.page), [], 'no CSP violation on the demo page')
  t.same(tab.problems, [], 'no console errors or CSP reports anywhere')
  t.same(tab.failed, expectedFailures, failuresMessage)
  const origins = new Set(requests.map((u) => new URL(u).origin))
  t.same([...origins].filter((o) => o !== apiOrigin && o !== hostOrigin), [], `only the host and the API were contacted: ${[...origins].join(', ')}`)
  t.ok(requests.filter((u) => u.startsWith(hostOrigin)).every((u) => new URL(u).pathname === '/'), 'the host page served only itself')
}

/** A description of the focused element, looking inside the widget's shadow root. */
export async function focused (page: Page): Promise<{ tag: string, cls: string, name: string, text: string } | null> {
  return await page.evaluate(() => {
    const doc = (globalThis as any).document
    const host = doc.querySelector('candor-stories')
    const a = doc.activeElement === host ? host.shadowRoot.activeElement : doc.activeElement
    return a ? { tag: a.tagName.toLowerCase(), cls: String(a.className ?? ''), name: a.getAttribute('name') ?? '', text: (a.textContent ?? '').trim().slice(0, 80) } : null
  })
}

/** Presses Tab until `match` holds for the focused element (or gives up after `max` presses). */
export async function tabTo (page: Page, match: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f && match(f)) return true
  }
  return false
}
