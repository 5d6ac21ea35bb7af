// The queue refreshes on its own every 30 s without losing the moderator's place: in headless
// Chromium (the page's clock moved on by hand), while other moderators change the queue, the selected
// row keeps its selection and focus, the list its scroll position, and the open item stays open.
import t from 'tap'
import { refreshMs } from '../../src/console/ui/settings.js'
import { bearer, decideOn, submit } from '../helpers/factories.js'
import { chromiumAvailable, cspViolations, watchedPage } from '../helpers/browser.js'
import { consoleArtifacts, consoleSite, focusedRowTitle, signIn } from '../helpers/console.js'

// Fewer than the console's page of 25, so the whole queue is on screen and its count is exact.
const count = 24
const title = (n: number): string => `Session notes ${String(n).padStart(2, '0')}`
const words = ['jaw', 'neck', 'shoulders', 'sleep', 'headaches', 'back', 'hips', 'breathing', 'mood', 'energy']

t.test('an automatic refresh keeps the selected row, its focus, the scroll position and the open item', async (t) => {
  if (!chromiumAvailable(t)) return
  const { app, origin, storiesUrl, key } = await consoleSite(t)
  const robin = await key('Robin')
  const alex = await key('Alex')
  const ids: string[] = []
  for (let n = 1; n <= count; n++) {
    const body = `Visit ${n}: my ${words[n % words.length]} felt a little looser afterwards, and I slept well that night (${n * 7} minutes of treatment).`
    ids.push((await submit(app, storiesUrl, { title: title(n), body, verdict: 'effective' })).id)
  }

  const { page, requests, problems, failed } = await watchedPage(t)
  await page.clock.install()
  await signIn(page, origin, robin)
  const list = page.locator('.queue-list')
  const rows = list.locator('button.row')
  t.equal(await rows.count(), count)

  const chosen = title(20)
  for (let i = 0; i < 20; i++) await page.keyboard.press('j')
  t.equal(await focusedRowTitle(page), chosen, 'j twenty times selects the twentieth item')
  await page.keyboard.press('Enter')
  await page.locator('section.item').getByRole('heading', { name: chosen }).waitFor()
  await page.keyboard.press('Escape')
  t.equal(await focusedRowTitle(page), chosen, 'Escape is back on its row')
  const scrolled = await list.evaluate((el: any) => el.scrollTop as number)
  t.ok(scrolled > 0, `the list is scrolled (${scrolled} px)`)

  // Meanwhile: a critical story arrives at the top, Alex decides one above ours and claims ours.
  const urgent = 'I wanted to die'
  await submit(app, storiesUrl, { title: urgent, body: 'After the session I felt so hopeless that I wanted to die and thought about ending my life.', verdict: 'ineffective' })
  t.equal((await decideOn(app, alex, ids[1]!, { action: 'approve' })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: `/v1/moderation/stories/${ids[19]}/claim`, headers: bearer(alex) })).statusCode, 200)

  await page.clock.fastForward(refreshMs)
  await rows.filter({ hasText: urgent }).waitFor()
  t.pass('the queue refreshed by itself: the new item is listed')
  await page.screenshot({ path: `${consoleArtifacts}/queue-after-refresh.png`, fullPage: true })
  t.match(await rows.first().innerText(), /critical[\s\S]*I wanted to die/i, 'the new critical item is on top')
  t.equal(await rows.filter({ hasText: title(2) }).count(), 0, 'the item Alex decided has left')
  t.equal(await rows.count(), count, 'one in, one out')

  const row = rows.filter({ hasText: chosen })
  t.equal(await focusedRowTitle(page), chosen, 'focus stays on the same item')
  t.equal(await row.getAttribute('aria-current'), 'true', 'it is still the selected item')
  t.match(await row.innerText(), /claimed by Alex/, 'and shows what changed on it')
  t.equal(await list.evaluate((el: any) => el.scrollTop as number), scrolled, 'the list did not jump')
  t.match(await page.locator('section.item h2').innerText(), chosen, 'the open item stays open')

  await page.keyboard.press('j')
  t.equal(await focusedRowTitle(page), title(21), 'j carries on from the same place')
  await page.keyboard.press('k')
  t.equal(await focusedRowTitle(page), chosen)

  t.same(await cspViolations(page), [])
  t.same(problems, [])
  t.same([...new Set(requests.map((u) => new URL(u).origin))], [origin])
  t.same(failed, [])
})
