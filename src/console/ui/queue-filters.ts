// The queue's filters, exactly the query parameters the API's queue takes (site only among the key's sites).
import { h } from '../../browser/dom.js'
import type { CurrentKey } from './api.js'
import type { Strings } from './strings.js'

type Query = NonNullable<import('../../generated/api.js').operations['getModerationQueue']['parameters']['query']>
export type Filters = Pick<Query, 'site' | 'level' | 'category' | 'kind' | 'overdue' | 'escalated'>

function choice (label: string, name: string, any: string, options: Record<string, string>): HTMLLabelElement {
  const select = h('select', { name }, h('option', { value: '' }, any), ...Object.entries(options).map(([value, text]) => h('option', { value }, text)))
  return h('label', {}, `${label} `, select)
}

export function queueFilters (s: Strings, me: CurrentKey, onChange: (filters: Filters) => void): HTMLFormElement {
  const sites = Object.fromEntries(me.sites.map((slug) => [slug, slug]))
  const form = h('form', { class: 'filters', 'aria-label': s.filters },
    me.sites.length > 1 ? choice(s.site, 'site', s.anySite, sites) : null,
    choice(s.level, 'level', s.anyLevel, s.levels),
    choice(s.category, 'category', s.anyCategory, s.categories),
    choice(s.kind, 'kind', s.anyKind, s.kinds),
    h('label', {}, h('input', { type: 'checkbox', name: 'overdue' }), ` ${s.overdueOnly}`),
    h('label', {}, h('input', { type: 'checkbox', name: 'escalated' }), ` ${s.escalatedOnly}`))
  form.addEventListener('submit', (e) => { e.preventDefault() })
  form.addEventListener('change', () => {
    const data = new FormData(form)
    const text = (name: string): string | undefined => (data.get(name) as string | null) || undefined
    onChange({
      site: text('site'),
      level: text('level') as Filters['level'],
      category: text('category') as Filters['category'],
      kind: text('kind') as Filters['kind'],
      ...(data.has('overdue') ? { overdue: true } : {}),
      escalated: data.has('escalated'),
    })
  })
  return form
}
