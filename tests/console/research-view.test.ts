// The console's research view in headless Chromium: a researcher sees the tally with its Wilson interval, the
// share over time as a chart with the rows beneath, suppressed cells reading "suppressed", exports through fetch
// with the key in a header, the dictionary; and no moderation queue, not even a request for it.
import { mkdirSync, readFileSync } from 'node:fs'
import t from 'tap'
import { createApiKey } from '../../src/keys/api-keys.js'
import { buildTestApp } from '../helpers/app.js'
import { chromiumAvailable } from '../helpers/browser.js'
import { axeViolations, checkNothingStray, consoleArtifacts, signedInConsole } from '../helpers/console.js'
import { bearer } from '../helpers/factories.js'
import { insertStories } from '../helpers/research-stories.js'
import { createSite, createTopic } from '../../src/sites/sites.js'

t.test('a researcher reads the figures, exports and the dictionary, and never sees the queue', async (t) => {
  if (!chromiumAvailable(t)) return
  mkdirSync(consoleArtifacts, { recursive: true })
  const { app, db } = await buildTestApp(t)
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  const site = await createSite(db, { slug: 'clinic', name: 'Clinic', allowedOrigins: [], settings: { smallCellK: 3 } })
  const topic = await createTopic(db, 'clinic', { slug: 'craniosacral-massage', title: 'Craniosacral massage', question: 'Did it work?' })
  const stories = async (count: number, verdict: 'effective' | 'ineffective' | null, createdAt: string, status: 'approved' | 'rejected' = 'approved') =>
    await insertStories(db, site, topic, count, { verdict, createdAt, status })
  await stories(6, 'effective', '2025-06-10T10:00:00Z')
  await stories(4, 'ineffective', '2025-06-12T10:00:00Z')
  await stories(3, 'effective', '2025-06-14T10:00:00Z', 'rejected')
  await stories(5, 'effective', '2025-07-03T10:00:00Z')
  await stories(1, 'ineffective', '2025-07-04T10:00:00Z')
  await stories(3, 'effective', '2025-08-20T10:00:00Z')
  await stories(3, 'ineffective', '2025-08-21T10:00:00Z')
  await stories(3, null, '2025-08-22T10:00:00Z')
  await stories(4, 'effective', '2025-09-02T10:00:00Z')
  await stories(3, 'ineffective', '2025-09-03T10:00:00Z')
  const key = (await createApiKey(db, { name: 'Rosa', role: 'researcher', sites: ['clinic'] })).key
  const api = async (query: string) => (await app.inject({ url: `/v1/research/ratings?${query}`, headers: bearer(key) })).json()

  const tab = await signedInConsole(t, origin, key)
  const { page, requests } = tab
  const view = page.getByRole('region', { name: 'Research' })

  await t.test('the tally with its interval, exactly as the API gives it', async (t) => {
    await view.locator('.tally-share').waitFor()
    t.match(await page.locator('header .who').innerText(), /Rosa · researcher · clinic/)
    const whole = (await api('interval=none')).rows[0]
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`
    t.equal(await view.locator('.tally-share').innerText(),
      `Effective share ${pct(whole.effectiveShare)} (95% interval ${pct(whole.ci.lower)} to ${pct(whole.ci.upper)}, Wilson)`)
    t.equal(whole.n, 29, 'the API counts 29 approved stories with a verdict')
    t.match(await view.locator('.tally .counts').innerText(), /n \(with a verdict\)\s+29\s+effective\s+18\s+ineffective\s+11\s+without a verdict\s+3/)
  })

  await t.test('the share over time: a chart with its band and the rows beneath; suppressed cells read "suppressed"', async (t) => {
    await view.getByLabel('From (submitted)').fill('2025-06-01')
    await view.getByLabel('To (submitted)').fill('2025-09-30')
    await view.getByLabel('Periods', { exact: true }).selectOption('month')
    await view.getByRole('button', { name: 'Show' }).click()
    const periods = view.locator('table.periods tbody tr')
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('table.periods tbody tr').length === 4)
    t.equal(await view.locator('.chart canvas').count(), 1, 'uPlot drew a canvas')
    t.match(await view.locator('.chart').getAttribute('aria-label') ?? '', /effective share in 4 periods with its 95% interval/)
    const monthly = await api('interval=month&from=2025-06-01&to=2025-09-30&site=clinic')
    const shown = await periods.evaluateAll((rows) => rows.map((r: any) => [...r.querySelectorAll('td')].map((td: any) => td.textContent)))
    const july = shown[1]!
    t.equal(july[0], '2025-07-01 – 2025-07-31')
    t.equal(monthly.rows[1].ineffective, null, 'the API withholds July’s single ineffective story')
    t.equal(july[3], 'suppressed', 'shown as suppressed')
    for (const [i, row] of monthly.rows.entries()) {
      const cells = shown[i]!
      for (const [col, field] of [[1, 'n'], [2, 'effective'], [3, 'ineffective'], [4, 'unrated']] as const) {
        t.equal(cells[col], row[field] === null ? 'suppressed' : String(row[field]), `${row.periodStart} ${field}`)
      }
    }

    const denominators = await view.locator('table.denominators tbody tr').evaluateAll((rows) => rows.map((r: any) => [...r.querySelectorAll('td')].map((td: any) => td.textContent)))
    const whole = await api('interval=none&from=2025-06-01&to=2025-09-30&site=clinic')
    t.same(denominators.map((r) => r.slice(0, 4)), (['effective', 'ineffective', 'unrated'] as const).map((v) => {
      const d = whole.denominators[v]
      return [v === 'unrated' ? 'no verdict' : v, ...[d.submitted, d.approved, d.rejected].map((n: number | null) => (n === null ? 'suppressed' : String(n)))]
    }), 'submitted, approved and rejected per verdict, suppressed where the API withholds them')
    t.equal(denominators[0]![3], '3', 'three rejected effective stories')
    await page.screenshot({ path: `${consoleArtifacts}/research.png`, fullPage: true })
  })

  await t.test('exports arrive through fetch with the key in a header, never in a URL', async (t) => {
    const [download, request] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForRequest((r) => r.url().includes('/v1/research/stories')),
      view.getByRole('button', { name: 'Stories (CSV)' }).click(),
    ])
    t.equal(request.headers().authorization, `Bearer ${key}`)
    t.match(download.suggestedFilename(), /^candor-stories-clinic-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync(await download.path(), 'utf8')
    t.match(csv.split('\n')[0], /^exportId,site,topic,/)
    t.equal(csv.trimEnd().split('\n').length, 1 + 29 + 3, 'a header and every approved story (research consent)')
    await view.getByText(/^Downloaded candor-stories-clinic-/).waitFor()
    const [ratings] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Ratings (CSV)' }).click()])
    t.match(readFileSync(await ratings.path(), 'utf8'), /^periodStart,/)
    t.ok(requests.every((u) => !u.includes(key)), 'the key is in no URL')
  })

  await t.test('the data dictionary explains every exported field', async (t) => {
    await view.locator('.dictionary summary', { hasText: /^stories/ }).click()
    t.match(await view.getByRole('table', { name: 'Fields of stories' }).innerText(), /exportId\s+string\s+Identifier of the story in exports/)
  })

  await t.test('no queue: not offered, not drawn, not requested, and its shortcuts do nothing', async (t) => {
    t.equal(await page.getByRole('navigation', { name: 'Views' }).count(), 0, 'one view: no navigation')
    t.equal(await page.locator('.queue').count(), 0)
    await page.locator('body').press('j')
    await page.keyboard.press('?')
    t.equal(await page.getByRole('dialog').count(), 0)
    t.same(requests.filter((u) => new URL(u).pathname.startsWith('/v1/moderation')), [], 'no moderation request was made')
  })

  await t.test('axe-core finds no violations; no CSP violation; nothing left the origin', async (t) => {
    t.same(await axeViolations(page), [])
    await checkNothingStray(t, tab, origin)
  })
})
