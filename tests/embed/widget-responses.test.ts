// Reader responses in the embedded widget, in headless Chromium on a strict-CSP host page: star ratings, comments, and reports on comments.
import type { FastifyInstance } from 'fastify'
import type { Locator } from 'playwright-core'
import t from 'tap'
import { approvedDemoStory, artifacts, checkNothingStray, chromiumAvailable, cspViolations, openDemoPage, openWidget, problemDetails, widgetSite } from '../helpers/browser.js'
import { decideOn, nextVisitor } from '../helpers/factories.js'

/** Posts a comment on a story, each time from another visitor. */
async function postComment (app: FastifyInstance, storyId: string, body: string) {
  return await app.inject({ method: 'POST', url: `/v1/stories/${storyId}/comments`, payload: { body, consent: { publish: true } }, remoteAddress: nextVisitor() })
}

/** Pages through the stories until all are shown: the ones rated and commented on are on later pages. */
async function showAllStories (widget: Locator): Promise<void> {
  const more = widget.getByRole('button', { name: 'Show more stories' })
  const stories = widget.locator('article.story')
  while (await more.isVisible()) {
    const shown = await stories.count()
    await more.click()
    await stories.nth(shown).waitFor()
  }
}

t.test('reader responses in the widget in headless Chromium, embedded cross-origin under a strict CSP', async (t) => {
  if (!chromiumAvailable(t)) return
  const site = await widgetSite(t)
  const { app, db, moderator, hostOrigin } = site
  // Comments on the oldest story, each from another visitor: three approved (one behind a content
  // warning) and one still pending. A comment is moderated like a story, by its own id.
  const commentedId = site.storyIds.get('Calmer after three sessions')!
  const commentsUrl = `/v1/stories/${commentedId}/comments`
  const comments = [
    { body: 'Same for me: my jaw relaxed after the second session.', decision: { action: 'approve' } },
    { body: 'The sessions brought back memories of my own accident.', decision: { action: 'approve', contentWarnings: ['trauma_response'] } },
    { body: 'Three sessions were enough for me as well.', decision: { action: 'approve' } },
    { body: 'A pending comment that nobody should see yet.' },
  ]
  for (const c of comments) {
    const res = await postComment(app, commentedId, c.body)
    t.equal(res.statusCode, 201, `commented "${c.body}"`)
    if (c.decision) t.equal((await decideOn(app, moderator, res.json<{ id: string }>().id, c.decision)).statusCode, 200, 'the comment is approved')
  }

  const tab = await openWidget(t, site)
  const { page, widget, requests } = tab
  await showAllStories(widget)

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
    const detail = await problemDetails(app, commentsUrl, bad)
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
    t.same(await cspViolations(page), [], 'no CSP violation on the host page')
  })

  await t.test('reporting a comment on the demo page', async (t) => {
    const id = await approvedDemoStory(site)
    const commentId = (await postComment(app, id, 'Buy cheap pills at our shop.')).json<{ id: string }>().id
    await decideOn(app, moderator, commentId, { action: 'approve' })
    await openDemoPage(site, tab)
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
    await checkNothingStray(t, site, tab, [`400 POST ${commentsUrl}`], 'the only failed request is the invalid comment')
  })
})
