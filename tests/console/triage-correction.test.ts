// Correcting triage in the console, in headless Chromium against the real API: the moderator sets
// the level and categories in the item, the correction joins the item's history, a wrong combination
// is refused plainly, and the triage quality figures (t) count it.
import t from 'tap'
import { chromiumAvailable, cspViolations, watchedPage } from '../helpers/browser.js'
import { consoleArtifacts, consoleSite, focusedRowTitle, signIn } from '../helpers/console.js'
import { bearer, decideOn, submit } from '../helpers/factories.js'

const flashbacks = { title: 'Flashbacks started', body: 'Twenty minutes in I had a flashback to the car crash and could not stop shaking for an hour.', verdict: 'ineffective' }
const calm = { title: 'Relaxing', body: 'Gentle sessions, I nearly fell asleep, and my headaches are less frequent now.', verdict: 'effective' }

t.test('a moderator corrects triage in the item; it shows in the history and in the quality figures', async (t) => {
  if (!chromiumAvailable(t)) return
  const { app, origin, storiesUrl, key } = await consoleSite(t)
  const robin = await key('Robin')
  const { id } = await submit(app, storiesUrl, flashbacks)
  const confirmed = await submit(app, storiesUrl, calm)
  t.equal((await decideOn(app, robin, confirmed.id, { action: 'approve' })).statusCode, 200, 'one item confirmed by a decision')

  const { page, requests, problems, failed } = await watchedPage(t)
  const item = page.locator('section.item')
  const control = item.locator('.triage-correction')
  await signIn(page, origin, robin)
  await page.keyboard.press('j')
  t.equal(await focusedRowTitle(page), flashbacks.title)
  await page.keyboard.press('Enter')
  await item.getByRole('heading', { name: flashbacks.title }).waitFor()
  t.match(await control.locator('[data-triage-label]').innerText(), /No moderator has confirmed or corrected triage yet/)
  const level = control.getByLabel('Level')
  t.equal(await level.inputValue(), 'high', 'the control starts from triage: high')
  t.ok(await control.getByRole('checkbox', { name: 'trauma response' }).isChecked(), 'with its trauma response')

  await t.test('a level that does not follow from the categories is refused plainly, and nothing changes', async (t) => {
    await level.selectOption('normal')
    await control.getByRole('button', { name: 'Correct triage' }).click()
    const alert = item.getByRole('alert')
    await alert.waitFor()
    t.match(await alert.innerText(), /Not done: Invalid request\. Level normal does not match categories \[trauma_response\]/)
    t.match(await control.locator('[data-triage-label]').innerText(), /No moderator has confirmed/, 'no label')
  })

  await t.test('checking self-harm raises the level to critical; Correct triage keeps it as the label and in the history', async (t) => {
    await control.getByRole('checkbox', { name: 'self-harm' }).check()
    t.equal(await level.inputValue(), 'critical', 'the level follows the categories')
    await control.getByRole('button', { name: 'Correct triage' }).focus()
    await page.keyboard.press('Enter')
    await item.getByText('Triage corrected.').waitFor()
    t.match(await control.locator('[data-triage-label]').innerText(), "Moderator's reading: critical · self-harm, trauma response (corrected)")
    t.match(await item.locator('.history').innerText(), /triage_corrected “high \(trauma_response\) → critical \(self_harm, trauma_response\)” · Robin ·/)
    t.match(await item.locator('.line').first().innerText(), /high/i, "triage's own reading is still shown")
    const view = (await app.inject({ url: `/v1/moderation/stories/${id}`, headers: bearer(robin) })).json()
    t.match(view.triageLabel, { level: 'critical', categories: ['self_harm', 'trauma_response'], source: 'corrected' }, 'the API has it')
    await page.screenshot({ path: `${consoleArtifacts}/triage-corrected.png`, fullPage: true })
  })

  await t.test('t shows the triage quality figures with the correction counted; Escape closes them', async (t) => {
    await page.keyboard.press('t')
    const dialog = page.getByRole('dialog', { name: 'Triage quality' })
    await dialog.getByText(/2 items labelled by moderators on clinic: 1 confirmed by a decision, 1 corrected/).waitFor()
    const row = async (caption: string, name: string) => (await dialog.locator('table', { has: page.locator('caption', { hasText: caption }) }).getByRole('row', { name: new RegExp(`^${name}`) }).innerText()).split('\t').map((c) => c.trim())
    t.same(await row('By level', 'critical'), ['critical', '0', '1', '0', '—', '0% (0%–79%)'], 'triage said critical for none; moderators for one')
    t.same(await row('By level', 'high'), ['high', '1', '0', '0', '0% (0%–79%)', '—'])
    t.same(await row('By level', 'normal'), ['normal', '1', '1', '1', '100% (21%–100%)', '100% (21%–100%)'])
    t.same(await row('By level', 'harm'), ['harm (high or critical)', '1', '1', '1', '100% (21%–100%)', '100% (21%–100%)'])
    t.same(await row('By category', 'self-harm'), ['self-harm', '0', '1', '0', '—', '0% (0%–79%)'])
    t.same(await row('By category', 'trauma response'), ['trauma response', '1', '1', '1', '100% (21%–100%)', '100% (21%–100%)'])
    const api = (await app.inject({ url: '/v1/moderation/triage/quality', headers: bearer(robin) })).json()
    t.match(api, { items: 2, corrected: 1, confirmed: 1, levels: { critical: { triaged: 0, labelled: 1, agreed: 0 } } }, 'the same figures as the API')
    await page.screenshot({ path: `${consoleArtifacts}/triage-quality.png`, fullPage: true })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    t.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.dataset?.key), 'correct-triage', 'focus comes back')
  })

  await t.test('no CSP violations, no console errors, only the API origin, only the expected refusal', async (t) => {
    t.same(await cspViolations(page), [])
    t.same(problems, [])
    t.same([...new Set(requests.map((u) => new URL(u).origin))], [origin])
    t.same(failed, [`400 PUT /v1/moderation/stories/${id}/triage`])
  })
})
