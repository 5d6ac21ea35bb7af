// The data dictionary (getResearchDictionary): each exported resource and what its fields mean, folded by resource.
import { h } from '../../browser/dom.js'
import type { ResearchDictionary } from './api.js'
import { dataTable } from './fields.js'
import type { Strings } from './strings.js'

export function dictionarySection (s: Strings, dictionary: ResearchDictionary): HTMLElement {
  const r = s.research
  return h('section', { class: 'dictionary', 'aria-labelledby': 'dictionary-heading' },
    h('h3', { id: 'dictionary-heading' }, r.dictionaryHeading),
    ...dictionary.resources.map((resource) => h('details', {},
      h('summary', {}, `${resource.name} (${resource.path})`),
      h('p', {}, resource.description),
      dataTable(r.fieldsOf(resource.name), [r.field, r.type, r.meaning], resource.schema.fields.map((f) => [
        h('code', {}, f.name), f.type, h('div', {}, f.description, f.computation ? h('div', { class: 'muted' }, f.computation) : null),
      ])))))
}
