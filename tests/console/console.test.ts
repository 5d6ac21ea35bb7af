// The moderation console: its bundle is fresh and within budget, /console is served under a strict
// CSP, and a moderator works the queue by keyboard in headless Chromium against the real API.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { buildConsole, consoleBudgetBytes, consoleStatic } from '../../scripts/build-console.js'
import { gzippedSize } from '../../scripts/build-widget.js'
import { consoleCsp } from '../../src/console/plugin.js'
import { buildTestApp } from '../helpers/app.js'
import { chromiumAvailable, watchedPage } from '../helpers/browser.js'
import { axeViolations, checkNothingStray, consoleArtifacts as artifacts, consoleSite, focusedRowTitle as focusedRowOf } from '../helpers/console.js'
import { bearer, decideOn, submit } from '../helpers/factories.js'

const critical = { title: 'I wanted to die', body: 'After the session I felt so hopeless that I wanted to die and thought about ending my life.', verdict: 'ineffective' }
const high = { title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking for an hour.', verdict: 'ineffective' }
const normal = { title: 'Relaxing', body: 'Gentle sessions, I nearly fell asleep, and my headaches are less frequent now.', verdict: 'effective' }
const claimedElsewhere = { title: 'Slept better', body: 'After four sessions I slept through the night for the first time in months.', verdict: 'effective' }

t.test('the committed bundle is what the source builds, within the 80 kB budget, free of eval', async (t) => {
  const built = await buildConsole()
  t.same([...built.keys()].sort(), ['console.css', 'console.js'])
  let total = 0
  for (const [name, bytes] of built) {
    t.ok(bytes.equals(readFileSync(join(consoleStatic, name))), `src/console/static/${name} is stale: run \`npm run build:console\``)
    total += gzippedSize(bytes)
  }
  t.ok(total <= consoleBudgetBytes, `gzipped ${total} bytes is within ${consoleBudgetBytes}`)
  t.notMatch(built.get('console.js')!.toString(), /\beval\(|new Function\(/, 'no eval')
})

t.test('/console is an HTML shell under a strict CSP, and its assets are served revalidated', async (t) => {
  const { app } = await buildTestApp(t)
  const page = await app.inject({ url: '/console' })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html/)
  t.equal(page.headers['content-security-policy'], consoleCsp)
  t.match(consoleCsp, /default-src 'none'/)
  t.notMatch(consoleCsp, /unsafe-inline|unsafe-eval|https?:|\*/, 'nothing inline, nothing from elsewhere')
  t.match(consoleCsp, /connect-src 'self'/)
  t.notMatch(page.body, /<script>|<style|style=|\son\w+=/, 'nothing inline in the shell')
  for (const [url, type] of [['/console/console.js', /^text\/javascript/], ['/console/console.css', /^text\/css/]] as const) {
    const asset = await app.inject({ url })
    t.equal(asset.statusCode, 200, url)
    t.match(asset.headers['content-type'], type)
    t.equal(asset.headers['cache-control'], 'no-cache')
    t.equal((await app.inject({ url, headers: { 'if-none-match': String(asset.headers.etag) } })).statusCode, 304)
  }
})

t.test('a moderator works the queue by keyboard in headless Chromium', async (t) => {
  if (!chromiumAvailable(t)) return
  const { app, db, origin, storiesUrl, key } = await consoleSite(t)
  const robin = await key('Robin')
  const alex = await key('Alex')
  const ids: Record<string, string> = {}
  for (const story of [normal, high, claimedElsewhere, critical]) ids[story.title] = (await submit(app, storiesUrl, story)).id
  t.equal((await app.inject({ method: 'POST', url: `/v1/moderation/stories/${ids[claimedElsewhere.title]}/claim`, headers: bearer(alex) })).statusCode, 200, 'Alex holds a claim')

  const tab = await watchedPage(t)
  const { page, requests } = tab
  const rows = page.locator('.queue-list button.row')
  const item = page.locator('section.item')
  const focusedRowTitle = async (): Promise<string | null> => await focusedRowOf(page)

  await t.test('sign in with a pasted key, kept in sessionStorage and never in the URL', async (t) => {
    await page.goto(`${origin}/console`)
    const key = page.getByLabel('API key')
    await key.waitFor()
    t.ok(await key.evaluate((el) => el === (globalThis as any).document.activeElement), 'the key field has focus')
    await page.keyboard.type(robin)
    await page.keyboard.press('Enter')
    await rows.first().waitFor()
    t.match(await page.locator('header .who').innerText(), /Robin · moderator · clinic/)
    t.equal(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('candor-console-key')), robin)
    t.notOk(page.url().includes(robin), 'not in the URL')
    t.ok(requests.every((u) => !u.includes(robin)), 'not in any request URL')
    t.equal(await page.getByRole('navigation', { name: 'Views' }).count(), 0, 'a moderator key has one view: no research view or site admin offered')
  })

  await t.test('the critical item comes first, with its level, categories, due time and claims', async (t) => {
    t.equal(await rows.count(), 4)
    t.match(await rows.nth(0).innerText(), /critical[\s\S]*self-harm[\s\S]*I wanted to die/i)
    t.match(await rows.nth(0).innerText(), /due in/)
    t.match(await rows.nth(1).innerText(), /high[\s\S]*Flashbacks started/i)
    t.match(await page.locator('button.row', { hasText: claimedElsewhere.title }).innerText(), /claimed by Alex/)
    t.ok(await rows.nth(0).locator('.excerpt.blurred').count() === 1, 'the excerpt of a self-harm item is blurred')
    await page.screenshot({ path: `${artifacts}/queue.png`, fullPage: true })
    t.same(await axeViolations(page), [], 'axe-core: no violations on the queue')
  })

  await t.test('j and Enter open it: evidence highlighted and labelled, blurred until revealed with v', async (t) => {
    await page.keyboard.press('j')
    t.equal(await focusedRowTitle(), critical.title, 'j selects and focuses the first row')
    await page.keyboard.press('Enter')
    const heading = item.getByRole('heading', { name: critical.title })
    await heading.waitFor()
    t.ok(await heading.evaluate((el) => el === (globalThis as any).document.activeElement), 'focus moves to the item')
    const marks = item.locator('.story-text mark.ev[data-category="self_harm"]')
    t.ok(await marks.count() >= 1, 'self-harm evidence is highlighted')
    const evidence = (await marks.first().innerText()).replace(/\s*self-harm$/i, '')
    t.ok(critical.body.includes(evidence) || critical.title.includes(evidence), `the highlight quotes the text: "${evidence}"`)
    t.match(await marks.first().locator('.ev-tag').innerText(), /self-harm/i, 'labelled by category')
    const filter = async (): Promise<string> => await item.locator('.story-text').evaluate((el) => (globalThis as any).getComputedStyle(el).filter)
    t.match(await filter(), /blur/, 'blurred')
    t.match(await heading.locator('.sensitive').evaluate((el) => (globalThis as any).getComputedStyle(el).filter), /blur/, 'the title too')
    await page.screenshot({ path: `${artifacts}/item-blurred.png`, fullPage: true })
    await page.keyboard.press('v')
    t.equal(await filter(), 'none', 'v reveals it')
    await page.screenshot({ path: `${artifacts}/item-revealed.png`, fullPage: true })
    t.same(await axeViolations(page), [], 'axe-core: no violations on an opened item')
  })

  await t.test('c claims, a approves with the triage categories as warnings; it leaves the queue and is public', async (t) => {
    await page.keyboard.press('c')
    await item.getByText(/You hold the claim: 1[45] min left/).waitFor()
    t.ok(await item.getByRole('button', { name: /Renew claim/ }).isVisible(), 'the claim can be renewed')
    await page.keyboard.press('a')
    await item.getByText('Approved.').waitFor()
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('.queue-list')?.textContent?.includes('I wanted to die'))
    t.equal(await rows.count(), 3, 'it left the queue')
    t.equal(await focusedRowTitle(), high.title, 'focus moves to the next item in the queue')
    t.match(await item.locator('.history').innerText(), /approve pending → approved/)
    const published = await app.inject({ url: `/v1/stories/${ids[critical.title]}` })
    t.equal(published.statusCode, 200, 'the public API now serves the story')
    t.same(published.json().contentWarnings, ['self_harm'])
    const listed = (await app.inject({ url: storiesUrl })).json().items.map((s: { id: string }) => s.id)
    t.same(listed, [ids[critical.title]], 'and lists it')
  })

  await t.test('a claim held by another moderator is shown as a 409, and nothing changes', async (t) => {
    await page.locator('button.row', { hasText: claimedElsewhere.title }).click()
    await item.getByRole('heading', { name: claimedElsewhere.title }).waitFor()
    t.match(await item.locator('.claim-line').innerText(), /Alex holds the claim until/)
    await page.keyboard.press('c')
    const alert = item.getByRole('alert')
    await alert.waitFor()
    t.match(await alert.innerText(), /Not done: Alex holds a claim on this item until \d/)
    await page.screenshot({ path: `${artifacts}/claim-conflict.png`, fullPage: true })
  })

  await t.test('a stale version (412) is shown with the other change, and the typed note is kept', async (t) => {
    await page.locator('button.row', { hasText: normal.title }).click()
    await item.getByRole('heading', { name: normal.title }).waitFor()
    await item.getByLabel(/Note for other moderators/).fill('Checked the wording twice')
    t.equal((await decideOn(app, alex, ids[normal.title]!, { action: 'approve' })).statusCode, 200, 'Alex approves it meanwhile')
    await item.getByRole('button', { name: 'Approve (a)' }).click()
    const alert = item.getByRole('alert')
    await alert.waitFor()
    t.match(await alert.innerText(), /someone changed this item while you were reading it \(now approved; last: approve by Alex at /)
    t.match(await item.locator('.line').first().innerText(), /approved/, 'the latest version is shown')
    t.equal(await item.getByLabel(/Note for other moderators/).inputValue(), 'Checked the wording twice', 'the note is kept')
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('.queue-list')?.textContent?.includes('Relaxing'))
    t.pass('the queue refreshes: the item someone else decided has left it')
    await page.screenshot({ path: `${artifacts}/stale-conflict.png`, fullPage: true })
  })

  await t.test('on a published item: x redacts the selected words, and its content warnings can change', async (t) => {
    await item.locator('.story-text .story-body').evaluate((el: any) => {
      const doc = (globalThis as any).document
      const text = el.firstChild
      const at = text.textContent.indexOf('headaches')
      const range = doc.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + 'headaches'.length)
      doc.getSelection().removeAllRanges()
      doc.getSelection().addRange(range)
    })
    await page.keyboard.press('x')
    await item.getByText(/Redacted: the public sees/).waitFor()
    t.match(await item.locator('.public-body').innerText(), /and my \[redacted\] are less frequent/, 'the public version shows the redaction')
    t.match(await item.locator('.story-body').innerText(), /headaches/, 'the moderator still sees the original')
    const story = async () => (await app.inject({ url: `/v1/stories/${ids[normal.title]}` })).json()
    t.match((await story()).body, /and my \[redacted\] are less frequent/, 'and so does the public API')
    await item.getByRole('group', { name: 'Content warnings shown to readers' }).getByRole('checkbox', { name: 'physical harm' }).check()
    await item.getByRole('button', { name: 'Save content warnings' }).click()
    await item.getByText('Content warnings saved.').waitFor()
    t.same((await story()).contentWarnings, ['physical_harm'])
    t.match(await item.locator('.history').innerText(), /edited[\s\S]*edited/, 'both edits are in the history')
  })

  await t.test('r rejects by keyboard: the reason list takes focus, arrows choose, Enter decides', async (t) => {
    await page.keyboard.press('Escape')
    while (await focusedRowTitle() !== high.title) await page.keyboard.press('k')
    await page.keyboard.press('Enter')
    await item.getByRole('heading', { name: high.title }).waitFor()
    await page.keyboard.press('r')
    t.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('name')), 'reason', 'r focuses the reason')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await item.getByText('Rejected.').waitFor()
    t.match(await item.locator('.history').innerText(), /reject pending → rejected \(spam\)/)
    t.equal(await page.locator('button.row', { hasText: high.title }).count(), 0, 'it left the queue')
    t.equal((await db.story.findUniqueOrThrow({ where: { id: ids[high.title]! } })).status, 'rejected')
  })

  await t.test('? lists the shortcuts, Escape closes them and focus comes back', async (t) => {
    await page.keyboard.press('Escape')
    const before = await focusedRowTitle()
    t.ok(before, 'Escape returns to the queue')
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await dialog.waitFor()
    t.match(await dialog.innerText(), /j \/ k\s+next \/ previous item/)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    t.equal(await focusedRowTitle(), before, 'focus is back where it was')
  })

  await t.test('sign-out forgets the key', async (t) => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByLabel('API key').waitFor()
    t.equal(await page.evaluate(() => (globalThis as any).sessionStorage.length), 0)
    await page.reload()
    await page.getByLabel('API key').waitFor()
    t.equal(await rows.count(), 0, 'a reload asks for the key again')
  })

  await t.test('no CSP violations, no console errors, only the API origin, only the expected refusals', async (t) => {
    t.same(requests.filter((u) => /^\/v1\/(research|admin)\//.test(new URL(u).pathname)), [], 'nothing asked of the research or admin API')
    await checkNothingStray(t, tab, origin, [`409 POST /v1/moderation/stories/${ids[claimedElsewhere.title]}/claim`, `412 POST /v1/moderation/stories/${ids[normal.title]}/decision`])
  })
})
