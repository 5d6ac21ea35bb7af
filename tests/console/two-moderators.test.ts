// Two moderators in two real browsers race for one story: the second sees the claim conflict, then the
// stale-version conflict once the first has decided, and loses nothing it typed; a moderator of another
// site never sees the story at all.
import t from 'tap'
import { chromiumAvailable } from '../helpers/browser.js'
import { checkNothingStray, consoleArtifacts as artifacts, consoleSite, signedInConsole } from '../helpers/console.js'
import { apiKey, siteWithTopic, submit } from '../helpers/factories.js'

const contested = { title: 'Both of us opened this one', body: 'Twenty minutes into the third session I had a flashback to the accident and shook for an hour.', verdict: 'ineffective' }
const elsewhere = { title: 'A story on the other site', body: 'It was relaxing and my shoulders felt looser for a day.', verdict: 'effective' }

t.test('two moderators race for one story in two browsers', async (t) => {
  if (!chromiumAvailable(t)) return
  const { app, db, origin, storiesUrl, key } = await consoleSite(t)
  const id = (await submit(app, storiesUrl, contested)).id
  const robin = await signedInConsole(t, origin, await key('Robin'))
  const alex = await signedInConsole(t, origin, await key('Alex'))
  const itemOf = (tab: typeof robin) => tab.page.locator('section.item')
  const open = async (tab: typeof robin): Promise<void> => {
    await tab.page.locator('button.row', { hasText: contested.title }).click()
    await itemOf(tab).getByRole('heading', { name: contested.title }).waitFor()
  }
  await open(robin)
  await open(alex)
  const note = itemOf(alex).getByLabel(/Note for other moderators/)
  const typed = 'Alex: the flashback is described as it happened; warn for trauma.'

  await t.test('the second claim is refused plainly, naming who holds it, and the typed note stays', async (t) => {
    await note.fill(typed)
    await robin.page.keyboard.press('c')
    await itemOf(robin).getByText(/You hold the claim/).waitFor()
    await itemOf(alex).getByRole('button', { name: 'Claim (c)' }).click()
    const alert = itemOf(alex).getByRole('alert')
    await alert.waitFor()
    t.match(await alert.innerText(), /Not done: Robin holds a claim on this item until \d/)
    t.equal(await note.inputValue(), typed, 'nothing Alex typed is lost')
    await alex.page.screenshot({ path: `${artifacts}/race-claim.png`, fullPage: true })
  })

  await t.test('after the first decides, the second decision is refused as stale, with the other change shown', async (t) => {
    await robin.page.keyboard.press('a')
    await itemOf(robin).getByText('Approved.').waitFor()
    await itemOf(alex).getByRole('button', { name: 'Approve (a)' }).click()
    const alert = itemOf(alex).getByRole('alert')
    await alert.filter({ hasText: /someone changed this item/ }).waitFor()
    t.match(await alert.innerText(), /someone changed this item while you were reading it \(now approved; last: approve by Robin at /)
    t.match(await itemOf(alex).locator('.line').first().innerText(), /approved/, 'Alex now sees the approved version')
    t.equal(await note.inputValue(), typed, 'and still has the note typed')
    await alex.page.screenshot({ path: `${artifacts}/race-stale.png`, fullPage: true })
  })

  await t.test('only the first decision happened', async (t) => {
    const story = await db.story.findUniqueOrThrow({ where: { id }, include: { auditEvents: { include: { note: true } } } })
    t.equal(story.status, 'approved')
    t.same(story.auditEvents.filter((e) => e.action === 'approve' || e.action === 'reject').map((e) => e.action), ['approve'], 'one decision, the first')
    t.notOk(story.auditEvents.some((e) => e.note?.note.includes('Alex:')), 'the refused decision wrote nothing')
  })

  await t.test('neither browser saw anything stray', async (t) => {
    await checkNothingStray(t, robin, origin)
    await checkNothingStray(t, alex, origin, [`409 POST /v1/moderation/stories/${id}/claim`, `412 POST /v1/moderation/stories/${id}/decision`])
  })
})

t.test('a moderator of one site does not see another site’s queue', async (t) => {
  if (!chromiumAvailable(t)) return
  const { app, db, origin, storiesUrl } = await consoleSite(t)
  const clinicStory = (await submit(app, storiesUrl, contested)).id
  const other = await siteWithTopic(db, 'other-clinic')
  await submit(app, other.storiesUrl, elsewhere)
  const sam = await signedInConsole(t, origin, await apiKey(db, 'moderator', ['other-clinic']))
  const rows = sam.page.locator('.queue-list button.row')
  await rows.first().waitFor()
  t.equal(await rows.count(), 1, 'one item in the queue')
  t.match(await rows.first().innerText(), new RegExp(elsewhere.title))
  t.notOk((await sam.page.locator('.queue-list').innerText()).includes(contested.title), 'the other site’s story is not listed')
  t.notOk(sam.requests.some((u) => u.includes(clinicStory)), 'nor ever requested')
  await checkNothingStray(t, sam, origin)
})
