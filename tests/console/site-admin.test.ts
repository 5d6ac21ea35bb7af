// The console's site admin in headless Chromium: an admin creates an API key (shown once, copied), revokes it,
// edits a site's allowed origins and review targets, and reads a webhook's deliveries; axe-core finds nothing.
import { mkdirSync } from 'node:fs'
import t from 'tap'
import { createApiKey } from '../../src/keys/api-keys.js'
import { createWebhook } from '../../src/webhooks/endpoints.js'
import { buildTestApp } from '../helpers/app.js'
import { chromiumAvailable } from '../helpers/browser.js'
import { axeViolations, checkNothingStray, consoleArtifacts, signedInConsole } from '../helpers/console.js'
import { bearer, siteWithTopic, submit } from '../helpers/factories.js'
import { receiver, until } from '../helpers/webhook-receiver.js'

t.test('an admin manages keys, a site and its webhooks from the console', async (t) => {
  if (!chromiumAvailable(t)) return
  mkdirSync(consoleArtifacts, { recursive: true })
  const { app, db } = await buildTestApp(t, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100' })
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  const { storiesUrl } = await siteWithTopic(db, 'clinic')
  await siteWithTopic(db, 'wellness')
  await db.site.update({ where: { slug: 'clinic' }, data: { settings: { smallCellK: 5 } } })
  const hooks = await receiver(t)
  await createWebhook(db, 'clinic', { url: hooks.url, events: ['story.submitted'] }, true)
  await submit(app, storiesUrl)
  await until(() => (hooks.received.length > 0 ? true : undefined))
  const admin = (await createApiKey(db, { name: 'Ada', role: 'admin', sites: [] })).key
  const me = async (key: string) => await app.inject({ url: '/v1/me', headers: bearer(key) })

  const tab = await signedInConsole(t, origin, admin)
  const { page } = tab
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
  const view = page.getByRole('region', { name: 'Site admin' })
  const keys = view.getByRole('region', { name: 'API keys' })
  let created = ''

  await t.test('an admin key gets every view; site admin is one of them', async (t) => {
    const nav = page.getByRole('navigation', { name: 'Views' })
    t.same(await nav.getByRole('button').allInnerTexts(), ['Moderation', 'Research', 'Site admin'])
    await nav.getByRole('button', { name: 'Site admin' }).click()
    await keys.getByRole('table', { name: 'API keys' }).waitFor()
    t.equal(await nav.getByRole('button', { name: 'Site admin' }).getAttribute('aria-current'), 'page')
    t.equal(await page.locator('.queue').count(), 0, 'the queue is closed behind it')
    t.match(await keys.getByRole('table').innerText(), /Ada \(this key\)\s+admin\s+all sites/)
    t.equal(await keys.getByRole('button', { name: 'Revoke Ada' }).count(), 0, 'the key signed in cannot revoke itself')
  })

  await t.test('a new key is shown once, can be copied, works, and is gone from the page once stored', async (t) => {
    await keys.getByLabel('Name').fill('Field researcher')
    await keys.getByLabel('Role').selectOption('researcher')
    await keys.getByRole('checkbox', { name: 'clinic' }).check()
    await keys.getByRole('button', { name: 'Create key' }).click()
    const field = keys.getByRole('textbox', { name: 'New key', exact: true })
    await field.waitFor()
    created = await field.inputValue()
    t.match(await keys.locator('.shown-once').innerText(), /shown this once/)
    const works = (await me(created)).json()
    t.match(works, { name: 'Field researcher', role: 'researcher', sites: ['clinic'] }, 'the shown key is the new key')
    t.ok(await field.evaluate((el) => el === (globalThis as any).document.activeElement), 'focus moves to the key')
    await keys.getByRole('button', { name: 'Copy' }).click()
    await keys.getByText('Copied.').waitFor()
    t.equal(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText()), created, 'copied to the clipboard')
    t.match(await keys.getByRole('table').innerText(), new RegExp(`Field researcher\\s+researcher\\s+clinic\\s+${created.slice(0, 6)}`), 'listed by its prefix')
    t.same(await axeViolations(page), [], 'axe: no violations with the key shown')
    await page.screenshot({ path: `${consoleArtifacts}/admin-new-key.png`, fullPage: true })
    await keys.getByRole('button', { name: 'I have stored it' }).click()
    t.notOk((await page.content()).includes(created), 'the key is no longer in the page')
    t.notOk(JSON.stringify(await page.evaluate(() => ({ ...(globalThis as any).sessionStorage }))).includes(created), 'nor kept in storage')
    t.ok(tab.requests.every((u) => !u.includes(created) && !u.includes(admin)), 'no key in any URL')
  })

  await t.test('revoking asks first, then the key stops working at once', async (t) => {
    page.once('dialog', (d) => { t.match(d.message(), /Revoke “Field researcher”\?/); void d.accept() })
    await keys.getByRole('button', { name: 'Revoke Field researcher' }).click()
    await keys.getByText('Field researcher revoked.').waitFor()
    t.match(await keys.getByRole('row', { name: /Field researcher/ }).innerText(), /revoked/)
    t.equal((await me(created)).statusCode, 401, 'the API refuses it')
  })

  await t.test('a site’s allowed origins, review targets and crisis resources are edited and saved', async (t) => {
    await view.getByLabel('Site to administer').selectOption('clinic')
    const form = view.getByRole('form', { name: 'Site clinic' })
    t.equal(await form.getByLabel(/Allowed origins/).inputValue(), 'https://example.org')
    await form.getByLabel(/Allowed origins/).fill('https://clinic.example\nhttps://www.clinic.example')
    await form.getByLabel('critical').fill('30')
    await form.getByRole('button', { name: 'Add a resource' }).click()
    await form.getByLabel('Name 1').fill('Samaritans')
    await form.getByLabel('Contact 1').fill('116 123')
    await form.getByRole('button', { name: 'Save site' }).click()
    await form.getByText('Site saved.').waitFor()
    const site = (await app.inject({ url: '/v1/admin/sites/clinic', headers: bearer(admin) })).json()
    t.same(site.allowedOrigins, ['https://clinic.example', 'https://www.clinic.example'])
    t.equal(site.settings.reviewTargetsMinutes.critical, 30)
    t.same(site.settings.crisisResources, [{ name: 'Samaritans', contact: '116 123' }])
    t.equal(site.settings.smallCellK, 5, 'the small-cell threshold is kept (not reset to the default)')
    const stored = (await db.site.findUniqueOrThrow({ where: { slug: 'clinic' } })).settings as Record<string, unknown>
    t.same(Object.keys(stored).sort(), ['crisisResources', 'reviewTargetsMinutes', 'smallCellK'], 'only what changed is written: the default support message stays a default')
    const preflight = await app.inject({ method: 'OPTIONS', url: storiesUrl, headers: { origin: 'https://www.clinic.example', 'access-control-request-method': 'POST' } })
    t.equal(preflight.headers['access-control-allow-origin'], 'https://www.clinic.example', 'the new origin may now submit')
    await form.getByLabel(/Allowed origins/).fill('not an origin')
    await form.getByRole('button', { name: 'Save site' }).click()
    t.match(await form.getByRole('alert').innerText(), /^Not done: .*allowedOrigins\/0: /, 'a refusal is shown plainly, naming the field')
  })

  await t.test('topics are listed and edited', async (t) => {
    const topics = view.getByRole('table', { name: 'Topics' })
    await topics.getByLabel('Title: craniosacral-massage').fill('Craniosacral therapy')
    await topics.getByRole('button', { name: 'Save' }).click()
    await view.getByText('Topic craniosacral-massage saved.').waitFor()
    // The topic list is read fresh (a single topic is cached for 10 s per instance by design).
    t.same((await app.inject({ url: '/v1/sites/clinic/topics' })).json().items.map((x: { title: string }) => x.title), ['Craniosacral therapy'])
    const create = view.getByRole('form', { name: 'New topic' })
    await create.getByLabel('Slug').fill('reiki')
    await create.getByLabel('Title').fill('Reiki')
    await create.getByLabel('Question').fill('Did it help you?')
    await create.getByRole('button', { name: 'Add topic' }).click()
    await topics.getByLabel('Title: reiki').waitFor()
    t.match((await app.inject({ url: '/v1/sites/clinic/topics/reiki' })).json(), { title: 'Reiki', question: 'Did it help you?' }, 'a new topic is public at once')
  })

  await t.test('a webhook’s deliveries: event, status, attempts, the receiver’s answer', async (t) => {
    await view.getByRole('button', { name: `Show deliveries to ${hooks.url}` }).click()
    const deliveries = view.getByRole('table', { name: `Deliveries to ${hooks.url}` })
    await deliveries.waitFor()
    t.match(await deliveries.locator('tbody tr').first().innerText(), /story\.submitted\s+delivered\s+1\s+HTTP 204/)
    t.same(await axeViolations(page), [], 'axe: no violations on the admin view')
    const create = view.getByRole('form', { name: 'New endpoint' })
    await create.getByLabel('URL').fill(`${hooks.url}/second`)
    await create.getByRole('checkbox', { name: 'story.decided' }).check()
    await create.getByRole('button', { name: 'Add endpoint' }).click()
    const secret = await view.getByRole('textbox', { name: 'Signing secret' }).inputValue()
    t.match(secret, /^whsec_/, 'the signing secret is shown once')
    await view.getByRole('button', { name: `Show deliveries to ${hooks.url}/second` }).waitFor()
    t.equal(await view.getByRole('table', { name: 'Webhooks' }).locator('tbody tr').count(), 2, 'listed with the first')
    await view.getByRole('button', { name: 'I have stored it' }).click()
    t.notOk((await page.content()).includes(secret), 'and gone once stored')
    await page.screenshot({ path: `${consoleArtifacts}/admin.png`, fullPage: true })
  })

  await t.test('the same admin opens the research view, where no count is suppressed', async (t) => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Research' }).click()
    await page.getByText('Your key sees every count (no small-cell suppression).').waitFor()
    t.equal(await page.getByRole('region', { name: 'Site admin' }).count(), 0, 'site admin is closed')
    t.match(page.url(), /\/console#research$/, 'the fragment names the view, so a reload keeps it')
  })

  await t.test('no CSP violation, nothing left the origin, only the refusal asked for', async (t) => {
    await checkNothingStray(t, tab, origin, ['400 PATCH /v1/admin/sites/clinic'])
  })
})
