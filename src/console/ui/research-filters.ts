// The research view's filters: the query parameters getResearchRatings and exportResearchStories take.
import { h } from '../../browser/dom.js'
import type { ConsoleContext } from './context.js'
import { labelled, select } from './fields.js'

type Query = NonNullable<import('../../generated/api.js').operations['getResearchRatings']['parameters']['query']>
export type ResearchQuery = Pick<Query, 'site' | 'topic' | 'from' | 'to'>
export type Interval = 'day' | 'week' | 'month'

export interface ResearchFilters { element: HTMLFormElement, query: () => ResearchQuery, interval: () => Interval }

/** The form; `onShow` runs when it is submitted. Topics are those of the chosen site (the API matches them by slug). */
export function researchFilters (ctx: ConsoleContext, onShow: () => void): ResearchFilters {
  const { s, me, api } = ctx
  const r = s.research
  const sites = select('site', { ...(me.sites.length > 1 ? { '': r.anySite } : {}), ...Object.fromEntries(me.sites.map((slug) => [slug, slug])) })
  const topic = select('topic', { '': r.anyTopic })
  const from = h('input', { type: 'date', name: 'from' })
  const to = h('input', { type: 'date', name: 'to' })
  const interval = select('interval', r.intervals, 'month')
  const element = h('form', { class: 'filters research-filters', 'aria-label': r.filters },
    labelled(r.site, sites), labelled(r.topic, topic), labelled(r.from, from), labelled(r.to, to), labelled(r.interval, interval),
    h('button', { type: 'submit', class: 'primary' }, r.show))

  async function loadTopics (): Promise<void> {
    topic.replaceChildren(h('option', { value: '' }, r.anyTopic))
    if (!sites.value) return
    const { data } = await api.GET('/v1/sites/{site}/topics', { params: { path: { site: sites.value } } }).catch(() => ({ data: undefined }))
    topic.append(...(data?.items ?? []).map((t) => h('option', { value: t.slug }, t.title)))
  }
  sites.addEventListener('change', () => { void loadTopics() })
  element.addEventListener('submit', (e) => { e.preventDefault(); onShow() })
  void loadTopics()

  return {
    element,
    query: () => ({
      ...(sites.value ? { site: sites.value } : {}),
      ...(topic.value ? { topic: [topic.value] } : {}),
      ...(from.value ? { from: from.value } : {}),
      ...(to.value ? { to: to.value } : {}),
    }),
    interval: () => interval.value as Interval,
  }
}
