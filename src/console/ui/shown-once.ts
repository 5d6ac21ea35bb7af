// A secret the API shows once (a new API key, a webhook's signing secret): a read-only field, a copy button, and
// a button that forgets it. It is never stored or logged; once dismissed it is gone from the page.
import { h, uid } from '../../browser/dom.js'
import type { Strings } from './strings.js'

export function shownOnce (s: Strings, intro: string, label: string, value: string): HTMLElement {
  const id = uid('secret')
  const field = h('input', { id, type: 'text', readonly: true, value, spellcheck: 'false', autocomplete: 'off' })
  const copy = h('button', { type: 'button' }, s.admin.copy)
  const done = h('button', { type: 'button' }, s.admin.hideKey)
  const said = h('span', { role: 'status', class: 'muted' })
  const element = h('div', { class: 'notice shown-once' }, h('p', {}, intro),
    h('div', { class: 'secret' }, h('div', { class: 'field' }, h('label', { for: id }, label), field), copy, done, said))
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(value).then(() => { said.textContent = s.admin.copied }, () => {
      said.textContent = s.admin.copyFailed
      field.select()
    })
  })
  done.addEventListener('click', () => { element.remove() })
  queueMicrotask(() => { field.focus(); field.select() })
  return element
}
