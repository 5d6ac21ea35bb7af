// The research view (researcher and admin keys): the tally with its Wilson interval, the effective share over
// time as a chart with its band, the rows and denominators as tables (suppressed cells say so), exports, the dictionary.
import { h } from '../../browser/dom.js'
import type { ConsoleContext } from './context.js'
import { saveBlob } from './download.js'
import { outcome, refusal } from './fields.js'
import { dictionarySection } from './research-dictionary.js'
import { researchFilters } from './research-filters.js'
import { denominatorsTable, periodsTable, suppressionNote, tally } from './research-tables.js'
import { shareChart } from './share-chart.js'

type Export = 'ratingsCsv' | 'storiesCsv' | 'storiesNdjson'

export function researchView (ctx: ConsoleContext): { element: HTMLElement, leave: () => void } {
  const { api, s } = ctx
  const r = s.research
  const figures = h('div', { class: 'figures' })
  const exportOutcome = outcome()
  const filters = researchFilters(ctx, () => { void load() })
  let chart: ReturnType<typeof shareChart> | undefined

  async function load (): Promise<void> {
    const query = filters.query()
    // The operation also answers text/csv; without format=csv it is JSON, so a string body is a failure.
    const ratings = async (interval: 'none' | 'day' | 'week' | 'month') => {
      const got = await api.GET('/v1/research/ratings', { params: { query: { ...query, interval } } })
      return { ...got, data: typeof got.data === 'object' ? got.data : undefined }
    }
    const [whole, series] = await Promise.all([ratings('none'), ratings(filters.interval())]).catch(() => [null, null])
    if (!whole?.data || !series?.data) {
      const failed = whole?.error ? whole : series?.error ? series : null
      figures.replaceChildren(h('p', { class: 'alert', role: 'alert' }, failed ? refusal(s, failed.error, failed.response.status) : r.loadFailed))
      return
    }
    chart?.destroy()
    chart = shareChart(s, series.data.rows)
    figures.replaceChildren(tally(s, whole.data),
      h('section', { class: 'over-time', 'aria-labelledby': 'chart-heading' },
        h('h3', { id: 'chart-heading' }, r.chartHeading), chart.element,
        periodsTable(s, series.data.rows)),
      denominatorsTable(s, whole.data), suppressionNote(s, whole.data))
    chart.draw()
  }

  async function download (kind: Export): Promise<void> {
    const query = filters.query()
    const got = kind === 'ratingsCsv'
      ? await api.GET('/v1/research/ratings', { params: { query: { ...query, interval: filters.interval(), format: 'csv' } }, parseAs: 'blob' })
      : await api.GET('/v1/research/stories', { params: { query: { ...query, format: kind === 'storiesCsv' ? 'csv' : 'ndjson' } }, parseAs: 'blob' })
    if (!got.data) { exportOutcome.warn(refusal(s, got.error, got.response.status)); return }
    exportOutcome.say(r.downloaded(saveBlob(got.data, got.response, `candor-${kind}`)))
  }
  const exportButtons = (Object.keys(r.exports) as Export[]).map((kind) => {
    const button = h('button', { type: 'button', 'data-export': kind }, r.exports[kind] ?? kind)
    button.addEventListener('click', () => { void download(kind).catch(() => { exportOutcome.warn(r.loadFailed) }) })
    return button
  })

  const dictionary = h('div', {})
  void api.GET('/v1/research/dictionary').then(({ data }) => { if (data) dictionary.replaceChildren(dictionarySection(s, data)) }).catch(() => undefined)

  void load()
  const element = h('section', { class: 'research panel', 'aria-labelledby': 'research-heading' },
    h('h2', { id: 'research-heading' }, r.heading), filters.element, figures,
    h('section', { class: 'exports', 'aria-labelledby': 'exports-heading' },
      h('h3', { id: 'exports-heading' }, r.exportsHeading), h('p', { class: 'muted' }, r.exportsHelp),
      h('div', { class: 'buttons' }, ...exportButtons), exportOutcome.element),
    dictionary)
  return { element, leave: () => { chart?.destroy() } }
}
