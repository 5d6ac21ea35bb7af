// The console's browser-test rig: sign in with a pasted key, run axe-core under the console's CSP, and the closing
// check every console test makes (no CSP violation, no console error, only the console's own origin contacted).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { Test } from 'tap'
import { cspViolations, watchedPage, type WidgetPage } from './browser.js'

export const consoleArtifacts = 'tests/console/artifacts'
export type ConsolePage = Omit<WidgetPage, 'widget'>

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
