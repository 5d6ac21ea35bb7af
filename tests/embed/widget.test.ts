// The embeddable widget: its bundle is fresh and small, its routes, and the widget in headless Chromium on a strict-CSP host page.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import t from 'tap'
import { buildWidget, gzippedSize, widgetOutput } from '../../scripts/build-widget.js'
import { createSite, createTopic } from '../../src/sites/sites.js'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, decideOn, nextVisitor, storyInput, submit } from '../helpers/factories.js'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const artifacts = 'tests/embed/artifacts'
const topicSlug = 'craniosacral-massage'

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

/** A description of the focused element, looking inside the widget's shadow root. */
async function focused (page: Page): Promise<{ tag: string, cls: string, name: string, text: string } | null> {
  return await page.evaluate(() => {
    const doc = (globalThis as any).document
    const host = doc.querySelector('candor-stories')
    const a = doc.activeElement === host ? host.shadowRoot.activeElement : doc.activeElement
    return a ? { tag: a.tagName.toLowerCase(), cls: String(a.className ?? ''), name: a.getAttribute('name') ?? '', text: (a.textContent ?? '').trim().slice(0, 80) } : null
  })
}

/** Presses Tab until `match` holds for the focused element (or gives up after `max` presses). */
async function tabTo (page: Page, match: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f && match(f)) return true
  }
  return false
}

t.test('the widget in headless Chromium, embedded cross-origin under a strict CSP', async (t) => {
  if (!existsSync(chromiumPath)) {
    t.fail(`Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`)
    return
  }
  mkdirSync(artifacts, { recursive: true })
  const { app, db } = await buildTestApp(t)
  const apiOrigin = await app.listen({ host: '127.0.0.1', port: 0 })

  let hostPage = ''
  const host: Server = createServer((req, res) => {
    if (req.url !== '/') { res.writeHead(404).end(); return }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src ${apiOrigin}; connect-src ${apiOrigin}; style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    }).end(hostPage)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => host.close(() => resolve())))
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
  // No `api` attribute: the widget must find the API from the origin of its own script.
  hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A site about craniosacral massage</h1>
<candor-stories site="widget" topic="${topicSlug}" page-size="2" data-strings='{"storiesHeading":"Experiences"}'></candor-stories>
<script src="${apiOrigin}/embed/v1/stories.js"></script></body></html>`

  // Seed: approved stories (oldest first; the content-warning one is newest so it is on the first page).
  const resources = [{ name: 'Test helpline', contact: 'Call 0000' }]
  await createSite(db, { slug: 'widget', name: 'Widget site', allowedOrigins: [hostOrigin], settings: { smallCellK: 10, crisisResources: resources } })
  await createTopic(db, 'widget', { slug: topicSlug, title: 'Craniosacral massage', question: 'Was it effective for you?' })
  await createSite(db, { slug: 'demo', name: 'Demo', allowedOrigins: [] })
  await createTopic(db, 'demo', { slug: topicSlug, title: 'Craniosacral massage', question: 'Did it work?' })
  const moderator = await apiKey(db, 'moderator', ['widget', 'demo'])
  const storiesUrl = `/v1/sites/widget/topics/${topicSlug}/stories`
  const seeds = [
    { title: 'Calmer after three sessions', body: 'My jaw pain eased and I sleep better now, after three sessions.', verdict: 'effective' },
    { title: 'No change for my back pain', body: 'Six sessions and my lower back pain was exactly the same as before.', verdict: 'ineffective' },
    { title: 'Not sure what to think', body: 'It was relaxing while it lasted but I cannot say it changed anything.', verdict: null },
    { title: 'Markup <script>alert(1)</script> stays text', body: 'It helped. <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> Really it did.', verdict: 'effective' },
    { title: 'Hard memories came up', body: 'During the second session old memories of the accident came back and I left in tears.', verdict: 'ineffective', cw: true },
  ]
  const storyIds = new Map<string, string>()
  for (const s of seeds) {
    const { id } = await submit(app, storiesUrl, { title: s.title, body: s.body, verdict: s.verdict })
    const decided = await decideOn(app, moderator, id, { action: 'approve', contentWarnings: s.cw ? ['trauma_response'] : [] })
    t.equal(decided.statusCode, 200, `approved "${s.title}"`)
    storyIds.set(s.title, id)
  }
  // Comments on the oldest story, each from another visitor: three approved (one behind a content
  // warning) and one still pending. A comment is moderated like a story, by its own id.
  const commentedId = storyIds.get('Calmer after three sessions')!
  const commentsUrl = `/v1/stories/${commentedId}/comments`
  const comments = [
    { body: 'Same for me: my jaw relaxed after the second session.', decision: { action: 'approve' } },
    { body: 'The sessions brought back memories of my own accident.', decision: { action: 'approve', contentWarnings: ['trauma_response'] } },
    { body: 'Three sessions were enough for me as well.', decision: { action: 'approve' } },
    { body: 'A pending comment that nobody should see yet.' },
  ]
  for (const c of comments) {
    const res = await app.inject({ method: 'POST', url: commentsUrl, payload: { body: c.body, consent: { publish: true } }, remoteAddress: nextVisitor() })
    t.equal(res.statusCode, 201, `commented "${c.body}"`)
    if (c.decision) t.equal((await decideOn(app, moderator, res.json<{ id: string }>().id, c.decision)).statusCode, 200, 'the comment is approved')
  }

  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  t.teardown(() => browser.close())
  const page = await browser.newPage({ viewport: { width: 900, height: 1400 } })
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const failed: string[] = []
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`) })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  // Failed responses are checked one by one below; every other console error is a problem.
  page.on('console', (m) => { if ((m.type() === 'error' && !/^Failed to load resource/.test(m.text())) || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`) })
  await page.addInitScript(() => {
    const w = globalThis as any
    w.__csp = []
    w.document.addEventListener('securitypolicyviolation', (e: any) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })

  const widget = page.locator('candor-stories')
  await page.goto(hostOrigin)
  await widget.getByRole('heading', { name: 'Share your story' }).waitFor({ timeout: 15000 })

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
    const expected = (await app.inject({ method: 'POST', url: storiesUrl, payload: bad })).json<{ errors: Array<{ pointer: string, detail: string }> }>().errors
    const detail = (pointer: string): string => expected.find((e) => e.pointer === pointer)?.detail ?? `(no problem for ${pointer})`
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

  await t.test('rating a story: keyboard operable, shown at once, and a repeat replaces the rating', async (t) => {
    const story = widget.locator('article.story', { hasText: 'No change for my back pain' })
    const summary = story.locator('.rating-summary')
    t.match(await summary.innerText(), /Not rated yet/)
    await story.getByRole('button', { name: 'Rate 1 out of 5 stars' }).focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
    const four = story.getByRole('button', { name: 'Rate 4 out of 5 stars' })
    t.ok(await four.evaluate((el: any) => el.getRootNode().activeElement === el), 'Tab moves along the stars')
    await page.keyboard.press('Enter')
    await t.resolves(story.getByRole('status').getByText('Thanks — you rated this 4 stars').waitFor())
    t.match(await summary.innerText(), /★ 4 \(1 rating\)/)
    t.equal(await four.getAttribute('aria-pressed'), 'true', 'the chosen star is pressed')
    t.equal(await db.readerRating.count(), 1, 'one rating stored')
    await story.getByRole('button', { name: 'Rate 5 out of 5 stars' }).click()
    await t.resolves(story.getByRole('status').getByText('Thanks — you rated this 5 stars').waitFor())
    t.match(await summary.innerText(), /★ 5 \(1 rating\)/, 'the repeat replaced the rating')
    t.same((await db.readerRating.findMany()).map((r) => r.stars), [5], 'still one row, now 5 stars')
    t.equal(await four.getAttribute('aria-pressed'), 'false')
    t.match(await widget.locator('article.story', { hasText: 'Not sure what to think' }).locator('.rating-summary').innerText(), /Not rated yet/, 'other stories are untouched')
    await story.screenshot({ path: `${artifacts}/story-rated.png` })
  })

  await t.test('comments: the count and the list show approved comments only, oldest first, paged', async (t) => {
    const story = widget.locator('article.story', { hasText: 'Calmer after three sessions' })
    t.equal(await widget.locator('article.story', { hasText: 'No change for my back pain' }).locator('.comments-toggle').innerText(), 'Have your say', 'no comments yet')
    const toggle = story.getByRole('button', { name: 'Comments (3)' })
    t.equal(await toggle.getAttribute('aria-expanded'), 'false')
    await toggle.click()
    t.equal(await toggle.getAttribute('aria-expanded'), 'true')
    const list = story.locator('article.comment')
    await list.nth(1).waitFor()
    t.equal(await list.count(), 2, 'the first page (page-size 2)')
    t.match(await list.nth(0).innerText(), /my jaw relaxed/, 'oldest first')
    t.match(await list.nth(1).locator('.warning').innerText(), /Content warning: trauma response/)
    const hidden = list.nth(1).getByText(/memories of my own accident/)
    t.ok(await hidden.isHidden(), 'a comment with a content warning is collapsed')
    await list.nth(1).getByRole('button', { name: 'Show comment' }).click()
    t.ok(await hidden.isVisible(), 'and shown on request')
    await story.getByRole('button', { name: 'More comments' }).click()
    await list.nth(2).waitFor()
    t.match(await list.nth(2).innerText(), /Three sessions were enough/)
    t.ok(await list.nth(2).evaluate((el: any) => el.getRootNode().activeElement === el), 'focus moves to the first new comment')
    t.ok(await story.getByRole('button', { name: 'More comments' }).isHidden(), 'no more pages')
    t.equal(await story.getByText(/nobody should see yet/).count(), 0, 'the pending comment is not shown')
    t.equal(requests.filter((u) => new URL(u).pathname === commentsUrl).length, 2, 'two pages were loaded')
  })

  await t.test('the comment form: field problems next to the fields, then a pending comment and a focused thanks', async (t) => {
    const story = widget.locator('article.story', { hasText: 'Calmer after three sessions' })
    const form = story.locator('form.comment-form')
    const bad = { body: 'x', consent: { publish: false } }
    const expected = (await app.inject({ method: 'POST', url: commentsUrl, payload: bad })).json<{ errors: Array<{ pointer: string, detail: string }> }>().errors
    const detail = (pointer: string): string => expected.find((e) => e.pointer === pointer)?.detail ?? `(no problem for ${pointer})`
    const body = story.getByLabel('Your comment')
    await body.fill(bad.body)
    await story.getByRole('button', { name: 'Send comment' }).click()
    await form.locator('.summary').waitFor()
    t.equal(await form.locator('.field-body .error').innerText(), detail('/body/body'))
    t.equal(await form.locator('.field-consent .error').innerText(), detail('/body/consent/publish'))
    t.equal(await body.getAttribute('aria-invalid'), 'true')
    t.ok(await body.evaluate((el: any) => el.getRootNode().activeElement === el), 'focus moves to the first invalid field')

    const text = 'Nothing has helped me and some nights I think about suicide. I am glad it worked for you.'
    await body.fill(text)
    await story.getByLabel(/Your name/).fill('Robin')
    await story.getByRole('checkbox', { name: /comment being published/ }).check()
    await page.waitForTimeout(3000) // the API treats forms sent within 3 s of showing as automated
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(commentsUrl))
    await story.getByRole('button', { name: 'Send comment' }).click()
    const sent = (await posted).postDataJSON()
    t.match(sent, { body: text, authorName: 'Robin', consent: { publish: true } })
    t.ok(sent.fillMs >= 3000, `the fill time is sent (${sent.fillMs} ms)`)
    t.notOk('website' in sent, 'an empty honeypot is not sent')
    const thanks = story.locator('.thanks')
    await thanks.waitFor()
    t.match(await thanks.innerText(), /Thanks — your comment will appear once a moderator has reviewed it\./)
    t.ok(await thanks.evaluate((el: any) => el.getRootNode().activeElement === el), 'focus moves to the confirmation')
    t.match(await thanks.locator('.support').innerText(), /you do not have to face it alone/i, 'the support message is shown')
    t.match(await thanks.locator('.resources').innerText(), /Test helpline: Call 0000/)
    t.ok(await form.isHidden(), 'the form is replaced by the confirmation')
    const stored = await db.story.findFirst({ where: { parentId: commentedId, authorName: 'Robin' } })
    t.equal(stored?.status, 'pending', 'the comment was stored, pending moderation')
    t.equal(stored?.body, text)
    t.equal(await story.locator('article.comment').count(), 3, 'and is not in the list')
    t.equal(await story.locator('.comments-toggle').innerText(), 'Comments (3)')
    await story.screenshot({ path: `${artifacts}/comments.png` })
    await page.screenshot({ path: `${artifacts}/ratings-and-comments.png`, fullPage: true })
    t.same(await page.evaluate(() => (globalThis as any).__csp), [], 'no CSP violation on the host page')
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
    t.match(await thanks.locator('.token').innerText(), /mt_/)
    t.ok(await widget.locator('form[aria-labelledby]').isHidden(), 'the form is replaced by the confirmation')
    const stored = await db.story.findFirst({ where: { title: 'Hopeless after the sessions' } })
    t.equal(stored?.status, 'pending', 'the story was stored, pending moderation')
    t.equal(stored?.verdict, 'ineffective')
    await page.screenshot({ path: `${artifacts}/submitted.png`, fullPage: true })
    t.same(await page.evaluate(() => (globalThis as any).__csp), [], 'no CSP violation on the host page')
  })

  await t.test('the demo page renders under its own CSP', async (t) => {
    const { id } = await submit(app, `/v1/sites/demo/topics/${topicSlug}/stories`, storyInput())
    await decideOn(app, moderator, id, { action: 'approve' })
    const commentId = (await app.inject({ method: 'POST', url: `/v1/stories/${id}/comments`, payload: { body: 'Buy cheap pills at our shop.', consent: { publish: true } }, remoteAddress: nextVisitor() })).json<{ id: string }>().id
    await decideOn(app, moderator, commentId, { action: 'approve' })
    await page.goto(`${apiOrigin}/embed/demo`)
    await widget.getByRole('heading', { name: 'Share your story' }).waitFor()
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
    // Reporting a comment, here on the API's own origin; the next test checks other origins' preflight.
    await widget.getByRole('button', { name: 'Comments (1)' }).click()
    const comment = widget.locator('article.comment').first()
    await comment.getByRole('button', { name: 'Report this comment' }).click()
    await comment.getByLabel('Why are you reporting it?').selectOption('spam')
    await comment.getByRole('button', { name: 'Send report' }).click()
    await t.resolves(comment.getByRole('status').getByText(/Thank you|could not be sent/).waitFor())
    t.equal(await comment.getByRole('status').innerText(), 'Thank you. A moderator will look at it.')
    t.equal(await db.report.count({ where: { storyId: commentId, reason: 'spam' } }), 1, 'the comment report is stored')
  })

  await t.test('a comment report from a site\'s allowed origin passes the CORS preflight', async (t) => {
    const comment = await db.story.findFirstOrThrow({ where: { parentId: commentedId, status: 'approved' } })
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: `/v1/comments/${comment.id}/reports`,
      headers: { origin: hostOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    t.equal(preflight.headers['access-control-allow-origin'], hostOrigin)
  })

  await t.test('no CSP violations, no errors, and no request to any other origin', async (t) => {
    t.same(await page.evaluate(() => (globalThis as any).__csp), [], 'no CSP violation on the demo page')
    t.same(problems, [], 'no console errors or CSP reports anywhere')
    t.same(failed, [`400 POST ${storiesUrl}`, `400 POST ${commentsUrl}`], 'the only failed requests are the invalid story and comment')
    const origins = new Set(requests.map((u) => new URL(u).origin))
    t.same([...origins].filter((o) => o !== apiOrigin && o !== hostOrigin), [], `only the host and the API were contacted: ${[...origins].join(', ')}`)
    t.ok(requests.filter((u) => u.startsWith(hostOrigin)).every((u) => new URL(u).pathname === '/'), 'the host page served only itself')
  })
})
