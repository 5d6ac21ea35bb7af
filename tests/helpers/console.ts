// The moderation console's browser-test rig: the API listening on loopback with a site, a moderator
// signed in by typing the key as a person would, and what the tests read back from the page.
import { mkdirSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import type { Test } from 'tap'
import type { Db } from '../../src/db/client.js'
import { createApiKey } from '../../src/keys/api-keys.js'
import { buildTestApp } from './app.js'
import { siteWithTopic } from './factories.js'

export const consoleArtifacts = 'tests/console/artifacts'

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
