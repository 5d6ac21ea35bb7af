// The console's browser-test rig: the API listening on loopback with a site and a moderator key, signing
// in by typing the key as a person would, what the tests read back from the page, axe-core under the
// console's CSP, and the closing check every console test makes (no CSP violation, no console error,
// only the console's own origin contacted).
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import type { Test } from 'tap'
import type { Db } from '../../src/db/client.js'
import { createApiKey } from '../../src/keys/api-keys.js'
import { buildTestApp } from './app.js'
import { cspViolations, watchedPage, type WidgetPage } from './browser.js'
import { siteWithTopic } from './factories.js'

export const consoleArtifacts = 'tests/console/artifacts'
export type ConsolePage = Omit<WidgetPage, 'widget'>

export interface ConsoleSite {
  app: FastifyInstance
  db: Db
  origin: string
  site: { id: string, slug: string }
  storiesUrl: string
  /** A moderator key of the site, by name. */
  key: (name: string) => Promise<string>
}

/** The API on loopback with one site (`siteSlug`) and its topic; screenshots go to consoleArtifacts. */
export async function consoleSite (t: Test, siteSlug = 'clinic'): Promise<ConsoleSite> {
  mkdirSync(consoleArtifacts, { recursive: true })
  const { app, db } = await buildTestApp(t)
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  const { site, storiesUrl } = await siteWithTopic(db, siteSlug)
  const key = async (name: string) => (await createApiKey(db, { name, role: 'moderator', sites: [site.slug] })).key
  return { app, db, origin, site, storiesUrl, key }
}

/** Opens /console, types the key into the focused field, presses Enter and waits for the queue. */
export async function signIn (page: Page, origin: string, key: string): Promise<void> {
  await page.goto(`${origin}/console`)
  await page.getByLabel('API key').waitFor()
  await page.keyboard.type(key)
  await page.keyboard.press('Enter')
  await page.locator('.queue-list button.row').first().waitFor()
}

/** The title of the queue row that has focus, or null when focus is elsewhere. */
export async function focusedRowTitle (page: Page): Promise<string | null> {
  return await page.evaluate(() => (globalThis as any).document.activeElement?.closest?.('button.row')?.querySelector('.title')?.textContent ?? null)
}

/** Headless Chromium signed in to the console at `origin` with `key`, typed as a person would. */
export async function signedInConsole (t: Test, origin: string, key: string): Promise<ConsolePage> {
  const watched = await watchedPage(t)
  const { page } = watched
  await page.goto(`${origin}/console`)
  await page.getByLabel('API key').fill(key)
  await page.keyboard.press('Enter')
  await page.locator('header .who').waitFor()
  return watched
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's violations on the page as it is now ("rule: selectors"). Evaluated through the DevTools protocol, so the CSP stays strict. */
export async function axeViolations (page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] })
    return result.violations.map((v: { id: string, nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

/** No CSP violation on the current document, no console error or CSP report anywhere, only `origin` contacted, only `expectedFailures` refused. */
export async function checkNothingStray (t: Test, tab: ConsolePage, origin: string, expectedFailures: string[] = []): Promise<void> {
  t.same(await cspViolations(tab.page), [], 'no CSP violation')
  t.same(tab.problems, [], 'no console errors or CSP reports')
  t.same([...new Set(tab.requests.map((u) => new URL(u).origin))], [origin], 'no request left the origin')
  t.same(tab.failed, expectedFailures, 'only the expected refusals')
}
