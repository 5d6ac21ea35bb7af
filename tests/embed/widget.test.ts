// The embeddable widget: its bundle is fresh and small, its routes, and the story widget in headless Chromium on a strict-CSP host page.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { buildWidget, gzippedSize, widgetOutput } from '../../scripts/build-widget.js'
import { buildTestApp } from '../helpers/app.js'
import { approvedDemoStory, artifacts, checkNothingStray, chromiumAvailable, cspViolations, focused, openDemoPage, openWidget, problemDetails, tabTo, topicSlug, widgetSite } from '../helpers/browser.js'

t.test('the committed bundle is what the source builds, small, and free of eval', async (t) => {
  const built = await buildWidget()
  t.ok(built.equals(readFileSync(widgetOutput)), 'src/embed/static/stories.js is stale: run `npm run build:widget`')
  t.ok(gzippedSize(built) < 15 * 1024, `gzipped size ${gzippedSize(built)} bytes is under 15 kB`)
  t.notMatch(built.toString(), /\beval\(|new Function\(/, 'no eval')
})

t.test('the plugin serves the bundle cacheably and the demo page with its own CSP', async (t) => {
  const { app } = await buildTestApp(t)
  const js = await app.inject({ url: '/embed/v1/stories.js' })
  t.equal(js.statusCode, 200)
  t.equal(js.headers['content-type'], 'text/javascript; charset=utf-8')
  t.equal(js.headers['cache-control'], 'public, max-age=300')
  t.equal(js.headers['cross-origin-resource-policy'], 'cross-origin')
  t.ok(js.rawPayload.equals(readFileSync(widgetOutput)))
  const etag = String(js.headers.etag)
  t.match(etag, /^"[\w-]+"$/)
  const again = await app.inject({ url: '/embed/v1/stories.js', headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  const demo = await app.inject({ url: '/embed/demo' })
  t.equal(demo.statusCode, 200)
  t.match(demo.headers['content-type'], /^text\/html/)
  t.equal(demo.headers['content-security-policy'], "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'")
  t.match(demo.body, /<candor-stories site="demo" topic="craniosacral-massage">/)
  t.notMatch(demo.body, /<script>|<style|style=/, 'nothing inline')
})

t.test('the widget in headless Chromium, embedded cross-origin under a strict CSP', async (t) => {
  if (!chromiumAvailable(t)) return
  const site = await widgetSite(t)
  const { app, db, storiesUrl } = site
  const tab = await openWidget(t, site)
  const { page, widget, requests } = tab

  await t.test('the tally shows the right numbers and the share', async (t) => {
    t.match(await widget.locator('.tally').innerText(), /2 found it effective · 2 found it ineffective · 5 stories in total/)
    t.match(await widget.locator('.tally .share').innerText(), /^50% of those who gave a verdict found it effective/)
    t.equal(requests.filter((u) => new URL(u).pathname === `/v1/sites/widget/topics/${topicSlug}`).length, 1, 'rendered once: the topic was fetched once')
    t.ok(await widget.getByRole('heading', { name: 'Experiences' }).isVisible(), 'data-strings overrides a text')
  })

  await t.test('styles apply although the host page allows no styles at all', async (t) => {
    const bg = await widget.getByRole('button', { name: 'Send story' }).evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor)
    t.equal(bg, 'rgb(29, 78, 216)', 'the adopted stylesheet is in effect')
    t.ok(await widget.locator('input[name=website]').isHidden() === false && (await widget.locator('.hp').boundingBox())!.x < 0, 'the honeypot is off screen')
  })

  await t.test('stories page, and stored markup is shown as text', async (t) => {
    t.equal(await widget.locator('article.story').count(), 2, 'first page')
    const more = widget.getByRole('button', { name: 'Show more stories' })
    await more.click()
    await t.resolves(widget.locator('article.story').nth(3).waitFor())
    await more.click()
    await widget.locator('article.story').nth(4).waitFor()
    t.ok(await more.isHidden(), 'no more pages')
    t.equal(await widget.locator('article.story').count(), 5)
    const title = widget.getByRole('heading', { name: /Markup/ })
    t.equal(await title.innerText(), 'Markup <script>alert(1)</script> stays text')
    t.match(await widget.locator('article.story', { hasText: 'stays text' }).locator('.body').innerText(), /<img src=x onerror="window.__pwned=1"><script>/)
    t.equal(await widget.locator('article script, article img').count(), 0, 'no element was created from stored text')
    t.equal(await page.evaluate(() => (globalThis as any).__pwned), undefined, 'nothing ran')
  })

  await t.test('a story behind a content warning is collapsed until "show story"', async (t) => {
    const story = widget.locator('article.story').first()
    t.match(await story.locator('.warning').innerText(), /Content warning: trauma response/)
    const body = story.getByText(/old memories of the accident/)
    t.ok(await body.isHidden(), 'collapsed')
    const show = story.getByRole('button', { name: 'Show story' })
    t.equal(await show.getAttribute('aria-expanded'), 'false')
    await page.screenshot({ path: `${artifacts}/widget-loaded.png`, fullPage: true })
    await show.click()
    t.ok(await body.isVisible(), 'expanded')
    t.equal(await story.getByRole('button', { name: 'Hide story' }).getAttribute('aria-expanded'), 'true')
    await widget.locator('article.story').first().screenshot({ path: `${artifacts}/story-expanded.png` })
  })

  await t.test('an invalid story shows the API\'s field problems next to each field', async (t) => {
    const bad = { title: 'Hi', body: 'Too short', verdict: 'effective', consent: { publish: false, research: false } }
    const detail = await problemDetails(app, storiesUrl, bad)
    await widget.getByLabel('Title').fill(bad.title)
    await widget.getByLabel('Your story', { exact: true }).fill(bad.body)
    await widget.getByRole('radio', { name: 'Effective', exact: true }).check()
    await widget.getByRole('button', { name: 'Send story' }).click()
    await widget.locator('.summary').waitFor()
    t.match(await widget.locator('.summary').innerText(), /Please correct the fields/)
    t.equal(await widget.locator('.field-title .error').innerText(), detail('/body/title'))
    t.equal(await widget.locator('.field-body .error').innerText(), detail('/body/body'))
    t.equal(await widget.locator('.field-consent .error').innerText(), detail('/body/consent/publish'))
    t.equal(await widget.getByLabel('Title').getAttribute('aria-invalid'), 'true')
    t.ok(await widget.getByLabel('Title').evaluate((el: any) => el.getAttribute('aria-describedby') === el.parentElement?.querySelector('.error')?.id), 'the error describes the field')
    t.match(await focused(page), { name: 'title' }, 'focus moves to the first invalid field')
    await page.screenshot({ path: `${artifacts}/validation-errors.png`, fullPage: true })
  })

  await t.test('reporting a story', async (t) => {
    const story = widget.locator('article.story').nth(1)
    await story.getByRole('button', { name: 'Report this story' }).click()
    await story.getByLabel('Why are you reporting it?').selectOption('spam')
    await story.getByRole('button', { name: 'Send report' }).click()
    await t.resolves(story.getByText('Thank you. A moderator will look at it.').waitFor())
    t.equal(await db.report.count(), 1)
  })

  await t.test('keyboard only: show a story, fill and send the form; focus goes to the confirmation', async (t) => {
    await page.reload()
    await widget.getByRole('heading', { name: 'Share your story' }).waitFor()
    t.ok(await tabTo(page, (f) => f.cls.includes('show-story')), 'Tab reaches "show story"')
    await page.keyboard.press('Enter')
    t.ok(await widget.getByText(/old memories of the accident/).isVisible(), 'Enter expands it')
    await page.keyboard.press('Space')
    t.ok(await widget.getByText(/old memories of the accident/).isHidden(), 'Space collapses it again')
    t.ok(await tabTo(page, (f) => f.name === 'title'), 'Tab reaches the title')
    await page.keyboard.type('Hopeless after the sessions')
    await page.keyboard.press('Tab')
    t.match(await focused(page), { name: 'body' })
    await page.keyboard.type('Nothing changed and lately I keep thinking about suicide, I feel so hopeless about the pain.')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowDown') // the radio group: first → second ("Ineffective")
    t.ok(await widget.getByRole('radio', { name: 'Ineffective' }).isChecked(), 'arrow keys choose the verdict')
    t.ok(await tabTo(page, (f) => f.name === 'consent', 4), 'Tab reaches the consent box (the honeypot is skipped)')
    await page.keyboard.press('Space')
    t.ok(await widget.getByRole('checkbox', { name: /published after moderation/ }).isChecked())
    t.ok(await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send story', 3), 'Tab reaches Send')
    await page.waitForTimeout(3000) // the API treats forms sent within 3 s of showing as automated
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(storiesUrl))
    await page.keyboard.press('Enter')
    const sent = (await posted).postDataJSON()
    t.ok(sent.fillMs >= 3000, `the fill time is sent (${sent.fillMs} ms)`)
    t.notOk('website' in sent, 'an empty honeypot is not sent')
    const thanks = widget.locator('.thanks')
    await thanks.waitFor()
    t.match(await focused(page), { cls: /thanks/ }, 'focus moves to the confirmation')
    t.match(await thanks.innerText(), /Thank you for your story/)
    t.match(await thanks.locator('.support').innerText(), /you do not have to face it alone/i, 'the support message is shown')
    t.match(await thanks.locator('.resources').innerText(), /Test helpline: Call 0000/)
    t.ok(await thanks.getByRole('button', { name: 'Remember on this device' }).isVisible(), 'it offers to remember the story on this device')
    t.ok(await tabTo(page, (f) => f.text === 'No, show me the code', 4), 'Tab reaches "no"')
    await page.keyboard.press('Enter')
    t.match(await thanks.locator('.token').innerText(), /^mt_[\w-]{40,}$/, 'without consent the code is shown once')
    t.match(await thanks.locator('.keep').innerText(), /only way to see whether your story was published.*cannot send it to you or recover it/s, 'with what it is for')
    t.match(await focused(page), { cls: /copy-token/ }, 'focus moves to the copy button')
    await page.keyboard.press('Enter')
    t.match(await thanks.locator('.keep [role=status]').innerText(), /Copied|selected/, 'copied (or selected where the clipboard is refused)')
    t.equal(await page.evaluate(() => (globalThis as any).localStorage.length), 0, 'nothing is remembered without consent')
    t.ok(await widget.locator('form[aria-labelledby]').isHidden(), 'the form is replaced by the confirmation')
    const stored = await db.story.findFirst({ where: { title: 'Hopeless after the sessions' } })
    t.equal(stored?.status, 'pending', 'the story was stored, pending moderation')
    t.equal(stored?.verdict, 'ineffective')
    await page.screenshot({ path: `${artifacts}/submitted.png`, fullPage: true })
    t.same(await cspViolations(page), [], 'no CSP violation on the host page')
  })

  await t.test('the demo page renders under its own CSP', async (t) => {
    await approvedDemoStory(site)
    await openDemoPage(site, tab)
    t.match(await widget.locator('.tally').innerText(), /1 found it effective/)
    t.equal(await widget.getByRole('button', { name: 'Send story' }).evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor), 'rgb(29, 78, 216)')
    await page.screenshot({ path: `${artifacts}/demo-page.png`, fullPage: true })
    // A bot fills everything, the honeypot included: it is sent, and answered like a success, but nothing is stored.
    await widget.getByLabel('Title').fill('Buy cheap pills online now')
    await widget.getByLabel('Your story', { exact: true }).fill('Visit our shop for the best prices on everything you need.')
    await widget.getByRole('radio', { name: 'Effective', exact: true }).check()
    await widget.getByRole('checkbox', { name: /published after moderation/ }).check()
    await widget.locator('input[name=website]').fill('https://spam.example')
    const posted = page.waitForRequest((r) => r.method() === 'POST')
    await widget.getByRole('button', { name: 'Send story' }).click()
    t.equal((await posted).postDataJSON().website, 'https://spam.example', 'a filled honeypot is sent')
    await widget.locator('.thanks').waitFor()
    t.equal(await db.story.count({ where: { title: 'Buy cheap pills online now' } }), 0, 'and nothing is stored')
  })

  await t.test('no CSP violations, no errors, and no request to any other origin', async (t) => {
    await checkNothingStray(t, site, tab, [`400 POST ${storiesUrl}`], 'the only failed request is the invalid story')
  })
})
