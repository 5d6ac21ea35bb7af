// The console's pure pieces for the research view and navigation: which views a role gets, how figures read.
import t from 'tap'
import type { ResearchRow } from '../../src/console/ui/api.js'
import { attachmentName, chartSeries, periodText, shareText } from '../../src/console/ui/research-data.js'
import { initialView, viewsFor } from '../../src/console/ui/views.js'

const row = (over: Partial<ResearchRow>): ResearchRow => ({
  periodStart: '2025-07-01', periodEnd: '2025-07-31', n: 12, effective: 9, ineffective: 3, unrated: 0,
  effectiveShare: 0.75, ci: { method: 'wilson', level: 0.95, lower: 0.4677, upper: 0.9111 }, suppressed: false, ...over,
})

t.test('a role gets only the views it can use; the fragment picks one of them', async (t) => {
  t.same(viewsFor('researcher'), ['research'])
  t.same(viewsFor('moderator'), ['queue'])
  t.same(viewsFor('admin'), ['queue', 'research', 'admin'])
  t.equal(initialView(viewsFor('researcher'), '#queue'), 'research', 'a researcher cannot open the queue by URL')
  t.equal(initialView(viewsFor('admin'), '#admin'), 'admin')
  t.equal(initialView(viewsFor('admin'), ''), 'queue')
})

t.test('a share reads as a percentage with its interval; a withheld one reads "suppressed", an empty one a dash', async (t) => {
  t.same(shareText(row({}), 'suppressed'), { share: '75.0%', interval: '46.8% – 91.1%' })
  const withheld = row({ ineffective: null, n: null, effectiveShare: null, ci: { method: 'wilson', level: 0.95, lower: null, upper: null }, suppressed: true })
  t.same(shareText(withheld, 'suppressed'), { share: 'suppressed', interval: 'suppressed' })
  t.same(shareText(row({ n: 0, effective: 0, ineffective: 0, effectiveShare: null, ci: { method: 'wilson', level: 0.95, lower: null, upper: null } }), 'suppressed'), { share: '–', interval: '–' })
  t.equal(periodText(row({})), '2025-07-01 – 2025-07-31')
  t.equal(periodText(row({ periodEnd: '2025-07-01' })), '2025-07-01')
})

t.test('rows become uPlot columns at UTC midnight, nulls kept as gaps', async (t) => {
  const [x, share, lower, upper] = chartSeries([row({}), row({ periodStart: '2025-08-01', effectiveShare: null, ci: { method: 'wilson', level: 0.95, lower: null, upper: null } }), row({ periodStart: null })])
  t.same(x, [Date.UTC(2025, 6, 1) / 1000, Date.UTC(2025, 7, 1) / 1000], 'an undated row (no range) is left out')
  t.same(share, [0.75, null])
  t.same(lower, [0.4677, null])
  t.same(upper, [0.9111, null])
})

t.test('a download keeps the name the API gives it', async (t) => {
  t.equal(attachmentName('attachment; filename="candor-stories-clinic-2025-09-30.csv"', 'x'), 'candor-stories-clinic-2025-09-30.csv')
  t.equal(attachmentName(null, 'candor-ratingsCsv'), 'candor-ratingsCsv')
})
