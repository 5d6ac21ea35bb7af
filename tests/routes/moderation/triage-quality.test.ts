// GET /v1/moderation/triage/quality on a small known set: eight labelled items whose figures are
// worked out by hand below (counts, precision, recall and their 95% Wilson intervals), limited to the
// key's sites and the submission range; unlabelled, withdrawn and other sites' items are not counted.
import t from 'tap'
import type { Db } from '../../../src/db/client.js'
import type { TriageLevel } from '../../../src/generated/prisma/enums.js'
import { buildTestApp } from '../../helpers/app.js'
import { apiKey, bearer, correctOn, decideOn, siteWithTopic } from '../../helpers/factories.js'

type Item = { triage: [TriageLevel, string[]], then: { correct: [TriageLevel, string[]] } | { decide: 'approve' | 'reject' } }

// triage → moderator         level (triage, label)   categories
const known: Item[] = [
  { triage: ['critical', ['self_harm']], then: { decide: 'approve' } }, //              c c   self_harm both
  { triage: ['critical', ['self_harm']], then: { correct: ['normal', []] } }, //         c n   self_harm triage only
  { triage: ['high', ['trauma_response']], then: { correct: ['critical', ['self_harm']] } }, // h c   trauma triage, self_harm label
  { triage: ['high', ['physical_harm']], then: { decide: 'reject' } }, //               h h   physical both
  { triage: ['normal', []], then: { correct: ['high', ['abuse']] } }, //                n h   abuse label only
  { triage: ['normal', []], then: { decide: 'approve' } }, //                           n n
  { triage: ['normal', []], then: { correct: ['normal', []] } }, //                     n n   (corrected, unchanged)
  { triage: ['high', ['abuse', 'trauma_response']], then: { correct: ['high', ['abuse']] } }, // h h   abuse both, trauma triage only
]

const share = (value: number | null, lower: number | null, upper: number | null) => ({ value, lower, upper })
const half = share(0.5, 0.0945, 0.9055)
const twoThirds = share(0.6667, 0.2077, 0.9385)
const all1 = share(1, 0.2065, 1)
const none = share(null, null, null)

const expected = {
  items: 8,
  confirmed: 3,
  corrected: 5,
  levels: {
    critical: { triaged: 2, labelled: 2, agreed: 1, precision: half, recall: half },
    high: { triaged: 3, labelled: 3, agreed: 2, precision: twoThirds, recall: twoThirds },
    normal: { triaged: 3, labelled: 3, agreed: 2, precision: twoThirds, recall: twoThirds },
  },
  categories: {
    self_harm: { triaged: 2, labelled: 2, agreed: 1, precision: half, recall: half },
    abuse: { triaged: 1, labelled: 2, agreed: 1, precision: all1, recall: half },
    trauma_response: { triaged: 2, labelled: 0, agreed: 0, precision: share(0, 0, 0.6576), recall: none },
    physical_harm: { triaged: 1, labelled: 1, agreed: 1, precision: all1, recall: all1 },
  },
  harm: { triaged: 5, labelled: 5, agreed: 4, precision: share(0.8, 0.3755, 0.9638), recall: share(0.8, 0.3755, 0.9638) },
}

/** A pending item stored with this triage, as submission would store it, on the given day. */
async function stored (db: Db, site: { id: string }, topic: { id: string }, [level, categories]: [TriageLevel, string[]], createdAt: Date) {
  return await db.story.create({
    data: { siteId: site.id, topicId: topic.id, title: 'A story', body: 'Its words.', consentPublish: true, triageLevel: level, triageCategories: categories, triageModel: 'linear-test', manageTokenHash: 'x', createdAt },
  })
}

t.test('the figures on a small known set are exactly right, for the key and range asked', async (t) => {
  const { app, db } = await buildTestApp(t)
  const { site, topic } = await siteWithTopic(db)
  const elsewhere = await siteWithTopic(db)
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const otherModerator = await apiKey(db, 'moderator', [elsewhere.site.slug])
  const admin = await apiKey(db, 'admin')
  const march = new Date('2026-03-10T12:00:00Z')

  for (const item of known) {
    const { id } = await stored(db, site, topic, item.triage, march)
    const res = 'correct' in item.then
      ? await correctOn(app, moderator, id, { level: item.then.correct[0], categories: item.then.correct[1] })
      : await decideOn(app, moderator, id, { action: item.then.decide, ...(item.then.decide === 'reject' ? { reason: 'spam' } : {}) })
    t.equal(res.statusCode, 200)
  }
  // Not counted for this site in March: unlabelled, withdrawn, January, and the other site.
  await stored(db, site, topic, ['critical', ['self_harm']], march)
  const gone = await stored(db, site, topic, ['normal', []], march)
  await correctOn(app, moderator, gone.id, { level: 'high', categories: ['abuse'] })
  await db.story.update({ where: { id: gone.id }, data: { status: 'withdrawn' } })
  const january = await stored(db, site, topic, ['high', ['physical_harm']], new Date('2026-01-05T23:59:00Z'))
  await decideOn(app, moderator, january.id, { action: 'approve' })
  const theirs = await stored(db, elsewhere.site, elsewhere.topic, ['normal', []], march)
  await decideOn(app, otherModerator, theirs.id, { action: 'approve' })

  const quality = async (key: string, query: string) => {
    const res = await app.inject({ url: `/v1/moderation/triage/quality${query}`, headers: bearer(key) })
    t.equal(res.statusCode, 200, query)
    return res.json()
  }
  const march2026 = await quality(moderator, '?from=2026-03-01&to=2026-03-31')
  t.same(march2026, { filters: { sites: [site.slug], from: '2026-03-01', to: '2026-03-31', dateBasis: 'submitted' }, ...expected })

  t.equal((await quality(moderator, '')).items, 9, 'without a range, January counts too (the withdrawn item never)')
  t.match(await quality(moderator, '?to=2026-01-05'), { items: 1, levels: { high: { triaged: 1, labelled: 1, agreed: 1 } } }, 'the last day is included (UTC)')
  t.equal((await quality(moderator, '?from=2026-01-06&to=2026-03-09')).items, 0)
  t.match(await quality(otherModerator, ''), { filters: { sites: [elsewhere.site.slug] }, items: 1 }, 'a key sees only its own sites')
  const both = await quality(admin, '')
  t.equal(both.items, 10, 'an admin sees every site')
  t.equal(both.filters.sites.length, 2)

  const reversed = await app.inject({ url: '/v1/moderation/triage/quality?from=2026-03-31&to=2026-03-01', headers: bearer(moderator) })
  t.equal(reversed.statusCode, 400)
  t.equal(reversed.json().errors[0].pointer, '/querystring/from')
  t.equal((await app.inject({ url: '/v1/moderation/triage/quality?from=March', headers: bearer(moderator) })).statusCode, 400)
  const notMine = await app.inject({ url: `/v1/moderation/triage/quality?site=${elsewhere.site.slug}`, headers: bearer(moderator) })
  t.equal(notMine.statusCode, 403)
  t.equal((await app.inject({ url: '/v1/moderation/triage/quality?site=nowhere', headers: bearer(admin) })).statusCode, 404)
})
