// "Your stories" in headless Chromium: the author submits, agrees to be remembered on this device, reloads
// and sees "pending", edits it, a moderator approves it through the API, a reload shows "published", and
// the author forgets it; another story is withdrawn from the list. Tokens go only to the API.
import t from 'tap'
import { artifacts, checkNothingStray, chromiumAvailable, focused, openWidget, widgetSite } from '../helpers/browser.js'
import { decideOn } from '../helpers/factories.js'
import type { Locator, Page } from 'playwright-core'

async function submitStory (page: Page, widget: Locator, title: string, body: string): Promise<void> {
  await widget.getByLabel('Title').fill(title)
  await widget.getByLabel('Your story', { exact: true }).fill(body)
  await widget.getByRole('radio', { name: 'Effective', exact: true }).check()
  await widget.getByRole('checkbox', { name: /published after moderation/ }).check()
  await page.waitForTimeout(3000) // the API treats forms sent within 3 s of showing as automated
  await widget.getByRole('button', { name: 'Send story' }).click()
  await widget.locator('.thanks').waitFor()
}

const reload = async (page: Page, widget: Locator): Promise<void> => {
  await page.reload()
  await widget.getByRole('heading', { name: 'Share your story' }).waitFor()
}

t.test('the widget remembers the author\'s stories on this device, with consent', async (t) => {
  if (!chromiumAvailable(t)) return
  const site = await widgetSite(t)
  const { app, db, apiOrigin } = site
  const tab = await openWidget(t, site)
  const { page, widget } = tab
  const tokenRequests: string[] = []
  page.on('request', (r) => { if (r.headers()['x-manage-token']) tokenRequests.push(new URL(r.url()).origin) })
  const yours = widget.locator('section.your-stories')
  const storageKey = `candor:v1:${apiOrigin}:widget:stories`
  const stored = async () => await page.evaluate((key) => JSON.parse((globalThis as any).localStorage.getItem(key) ?? '[]'), storageKey) as Array<{ id: string, token: string, title: string }>

  t.ok(await yours.isHidden(), 'no "your stories" before anything is remembered')
  await submitStory(page, widget, 'Remember my story', 'Four sessions for my jaw and the clicking has nearly stopped.')
  await widget.getByRole('button', { name: 'Remember on this device' }).click()
  t.match(await widget.locator('.thanks .remembered').innerText(), /Remembered on this device/)
  t.match(await focused(page), { cls: /remembered/ }, 'focus moves to the confirmation')
  const [entry] = await stored()
  const row = await db.story.findFirstOrThrow({ where: { title: 'Remember my story' } })
  t.match(entry, { id: row.id, title: 'Remember my story', token: /^mt_/ }, 'the token is in localStorage, under this API and site')
  t.equal(await widget.locator('.thanks .token').count(), 0, 'and not shown')

  await reload(page, widget)
  const own = yours.locator('article.own', { hasText: 'Remember my story' })
  await own.locator('.status').waitFor()
  t.match(await own.locator('.status').innerText(), /^Waiting for a moderator since /, 'after a reload: pending')
  await page.screenshot({ path: `${artifacts}/your-stories-pending.png`, fullPage: true })

  await t.test('edit while pending', async (t) => {
    await own.getByRole('button', { name: 'Edit' }).click()
    const title = own.getByLabel('Title')
    t.equal(await title.inputValue(), 'Remember my story', 'the form holds the text as written')
    await title.fill('Remember my story, please')
    await own.getByLabel('Your story', { exact: true }).fill('Four sessions for my jaw, but lately I keep thinking about ending my life.')
    await own.getByRole('button', { name: 'Save changes' }).click()
    await t.resolves(yours.getByText('Saved. It is still waiting for a moderator.').waitFor())
    t.match(await yours.locator('.support-slot').innerText(), /you do not have to face it alone.*Test helpline: Call 0000/is, 'an edit that mentions self-harm is answered with support')
    const edited = await db.story.findUniqueOrThrow({ where: { id: row.id } })
    t.same([edited.title, edited.triageLevel], ['Remember my story, please', 'critical'], 'edited and triaged again')
    t.equal((await stored())[0]?.title, 'Remember my story, please', 'the remembered title follows')
  })

  t.equal((await decideOn(app, site.moderator, row.id, { action: 'approve' })).statusCode, 200, 'a moderator approves it through the API')
  await reload(page, widget)
  const published = yours.locator('article.own', { hasText: 'Remember my story, please' })
  await published.locator('.status').waitFor()
  t.match(await published.locator('.status').innerText(), /^Published since /, 'after a reload: published')
  t.match(await published.locator('.responses').innerText(), /Comments: 0 · Not rated yet/)
  t.equal(await published.getByRole('button', { name: 'Edit' }).count(), 0, 'no editing after a decision')
  await page.screenshot({ path: `${artifacts}/your-stories-published.png`, fullPage: true })

  await published.getByRole('button', { name: 'Forget on this device' }).click()
  await t.resolves(yours.getByText('"Remember my story, please" is no longer remembered on this device.').waitFor())
  t.equal(await yours.locator('article.own').count(), 0)
  t.same(await stored(), [], 'forgotten: nothing left in localStorage')
  t.equal((await db.story.findUniqueOrThrow({ where: { id: row.id } })).status, 'approved', 'forgetting leaves the story published')
  await reload(page, widget)
  t.ok(await yours.isHidden(), 'after a reload there is nothing to show')

  await t.test('withdraw from "your stories"', async (t) => {
    await submitStory(page, widget, 'Taking this one back', 'Two sessions for my back; it is too early to say anything.')
    await widget.getByRole('button', { name: 'Remember on this device' }).click()
    const [remembered] = await stored()
    const item = yours.locator('article.own', { hasText: 'Taking this one back' })
    await item.getByRole('button', { name: 'Withdraw' }).click()
    await item.getByRole('button', { name: 'Yes, withdraw it' }).click()
    await t.resolves(yours.getByText('Your story "Taking this one back" was withdrawn.').waitFor())
    t.equal((await db.story.findUniqueOrThrow({ where: { id: remembered!.id } })).status, 'withdrawn')
    t.same(await stored(), [], 'and forgotten on this device')
  })

  t.ok(tokenRequests.length > 0 && tokenRequests.every((o) => o === apiOrigin), `manage tokens went to the API only (${tokenRequests.length} requests)`)
  await checkNothingStray(t, site, tab, [], 'no request failed')
})
