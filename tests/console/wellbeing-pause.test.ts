// Moderator wellbeing in headless Chromium: after a run of distressing items the console suggests a
// pause; a calm item in between breaks the run; the suggestion can be dismissed and the run restarts.
import t from 'tap'
import { pauseAfter } from '../../src/console/ui/settings.js'
import { chromiumAvailable, cspViolations, watchedPage } from '../helpers/browser.js'
import { consoleArtifacts, consoleSite, focusedRowTitle, signIn } from '../helpers/console.js'
import { submit } from '../helpers/factories.js'

const places = ['the bus crash', 'the fire', 'the assault', 'the flood', 'the surgery', 'the war', 'the car accident', 'the fall', 'the robbery', 'the earthquake']
const distressing = places.map((place, i) => ({
  title: `Flashbacks after session ${i + 1}`,
  body: `Twenty minutes into the session I had a flashback to ${place} and could not stop shaking for an hour afterwards.`,
  verdict: 'ineffective',
}))
const calm = { title: 'Relaxing', body: 'Gentle sessions, I nearly fell asleep, and my headaches are less frequent now.', verdict: 'effective' }

t.test(`the console suggests a pause after ${pauseAfter} distressing items in a row`, async (t) => {
  if (!chromiumAvailable(t)) return
  t.equal(pauseAfter, 5, 'the run this test walks through')
  const { app, origin, storiesUrl, key } = await consoleSite(t)
  const robin = await key('Robin')
  for (const story of [...distressing, calm]) await submit(app, storiesUrl, story)

  const { page, requests, problems, failed } = await watchedPage(t)
  const item = page.locator('section.item')
  const pause = item.locator('.pause')
  await signIn(page, origin, robin)
  t.match(await page.locator('.queue-list button.row').first().innerText(), /high[\s\S]*trauma response/i, 'the distressing items are the high ones on top')

  /** Opens the next item in the queue by keyboard (Escape back to the queue, j, Enter). */
  const openNext = async (): Promise<string> => {
    await page.keyboard.press('Escape')
    await page.keyboard.press('j')
    const opened = (await focusedRowTitle(page))!
    await page.keyboard.press('Enter')
    await item.getByRole('heading', { name: opened }).waitFor()
    return opened
  }

  await t.test('four distressing items, then a calm one: no pause, the run is broken', async (t) => {
    for (let i = 1; i <= 4; i++) {
      t.equal(await openNext(), `Flashbacks after session ${i}`)
      t.equal(await pause.count(), 0, `no pause after ${i}`)
    }
    await page.locator('button.row', { hasText: calm.title }).click()
    await item.getByRole('heading', { name: calm.title }).waitFor()
    t.equal(await pause.count(), 0, 'no pause after a calm item')
  })

  await t.test('five distressing items in a row: the pause is suggested, in words, without hiding the item', async (t) => {
    await page.locator('button.row', { hasText: 'Flashbacks after session 4' }).click()
    await item.getByRole('heading', { name: 'Flashbacks after session 4' }).waitFor()
    t.equal(await pause.count(), 0, 'the run starts again at one')
    for (let i = 5; i <= 8; i++) {
      t.equal(await openNext(), `Flashbacks after session ${i}`)
      if (i < 8) t.equal(await pause.count(), 0, `no pause yet after ${i - 3} in this run`)
    }
    await pause.waitFor()
    t.equal(await pause.getAttribute('role'), 'status', 'announced to screen readers without stealing focus')
    t.match(await pause.innerText(), /You have read 5 distressing items in a row\. Consider a short pause/)
    t.ok(await item.getByRole('heading', { name: 'Flashbacks after session 8' }).isVisible(), 'the item is still there')
    t.match(await item.locator('.story-text').evaluate((el) => (globalThis as any).getComputedStyle(el).filter), /blur/, 'and still blurred')
    await page.screenshot({ path: `${consoleArtifacts}/pause-suggested.png`, fullPage: true })
  })

  await t.test('Dismiss takes it away, focus goes to the item, and the next item counts from one', async (t) => {
    await pause.getByRole('button', { name: 'Dismiss' }).click()
    await pause.waitFor({ state: 'detached' })
    t.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.dataset?.key), 'heading', 'focus is on the item heading')
    t.equal(await openNext(), 'Flashbacks after session 9')
    t.equal(await pause.count(), 0, 'no pause straight after')
  })

  await t.test('no CSP violations, no console errors, only the API origin, no failed request', async (t) => {
    t.same(await cspViolations(page), [])
    t.same(problems, [])
    t.same([...new Set(requests.map((u) => new URL(u).origin))], [origin])
    t.same(failed, [])
  })
})
