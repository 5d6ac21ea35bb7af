// The research view's figures as text: the tally with its interval, the rows per period, the denominators.
import { h } from '../../browser/dom.js'
import type { ResearchRatings, ResearchRow } from './api.js'
import { dataTable } from './fields.js'
import { percent, periodText, shareText } from './research-data.js'
import type { Strings } from './strings.js'

const cell = (s: Strings, n: number | null): HTMLElement =>
  n === null ? h('span', { class: 'suppressed' }, s.suppressed) : h('span', {}, String(n))

/** The whole range in one row: share, its Wilson interval, and the counts behind it. */
export function tally (s: Strings, ratings: ResearchRatings): HTMLElement {
  const r = s.research
  const row: ResearchRow | undefined = ratings.rows[0]
  const headline = row && row.effectiveShare !== null && row.ci.lower !== null && row.ci.upper !== null
    ? h('p', { class: 'tally-share' }, r.tally(percent(row.effectiveShare), percent(row.ci.lower), percent(row.ci.upper)))
    : h('p', { class: 'tally-share muted' }, r.tallyNone)
  const counts: Array<[string, number | null]> = row ? [[r.n, row.n], [r.counts, row.effective], [r.ineffective, row.ineffective], [r.unrated, row.unrated]] : []
  return h('section', { class: 'tally', 'aria-labelledby': 'tally-heading' },
    h('h3', { id: 'tally-heading' }, r.tallyHeading), headline,
    h('dl', { class: 'counts' }, ...counts.flatMap(([label, n]) => [h('dt', {}, label), h('dd', {}, cell(s, n))])))
}

/** How small cells were treated in what is shown. */
export function suppressionNote (s: Strings, ratings: ResearchRatings): HTMLElement {
  const { applied, k } = ratings.suppression
  return h('p', { class: 'muted' }, applied ? s.research.suppressionOn(k) : s.research.suppressionOff)
}

export function periodsTable (s: Strings, rows: ResearchRow[]): HTMLTableElement {
  const r = s.research
  return dataTable(r.periodsHeading, [r.period, r.n, r.counts, r.ineffective, r.unrated, r.share, r.interval95], rows.map((row) => {
    const text = shareText(row, s.suppressed)
    const share = (t: string): HTMLElement => h('span', { class: t === s.suppressed ? 'suppressed' : undefined }, t)
    return [periodText(row), cell(s, row.n), cell(s, row.effective), cell(s, row.ineffective), cell(s, row.unrated), share(text.share), share(text.interval)]
  }), 'periods')
}

export function denominatorsTable (s: Strings, ratings: ResearchRatings): HTMLTableElement {
  const r = s.research
  const columns = ['submitted', 'approved', 'rejected', 'pending', 'removed', 'withdrawn'] as const
  const verdicts = ['effective', 'ineffective', 'unrated'] as const
  return dataTable(r.denominatorsHeading, [r.verdict, ...columns.map((c) => r[c]), r.harm], verdicts.map((v) => {
    const d = ratings.denominators[v]
    return [r.verdicts[v] ?? v, ...columns.map((c) => cell(s, d[c])), cell(s, d.harm.any)]
  }), 'denominators')
}
