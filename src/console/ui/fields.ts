// Form controls and tables shared by the research view and site admin: every control labelled, every table captioned.
import { h, uid } from '../../browser/dom.js'
import { asProblem } from '../../browser/problem.js'
import type { Strings } from './strings.js'

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** A label and its control, tied by id. */
export function labelled (text: string, control: Control): HTMLElement {
  control.id ||= uid('field')
  return h('div', { class: 'field' }, h('label', { for: control.id }, text), control)
}

/** A select of value → text; the first entry is selected unless `selected` names another. */
export function select (name: string, options: Record<string, string>, selected?: string): HTMLSelectElement {
  return h('select', { name }, ...Object.entries(options).map(([value, text]) => h('option', { value, selected: value === selected }, text)))
}

/** A table with a caption, column headers, and rows of cells (a cell is text or an element). */
export function dataTable (caption: string, headers: string[], rows: Array<Array<string | Node>>, cls = ''): HTMLTableElement {
  return h('table', { class: `data ${cls}`.trim() },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c))))))
}

/** A live region for the outcome of an action: `say` for success, `warn` for a refusal. */
export function outcome (): { element: HTMLElement, say: (text: string) => void, warn: (text: string) => void, clear: () => void } {
  const element = h('p', { class: 'outcome', role: 'status' })
  const show = (text: string, alert: boolean): void => {
    element.textContent = text
    element.className = alert ? 'outcome alert' : 'outcome notice'
    element.setAttribute('role', alert ? 'alert' : 'status')
  }
  return {
    element,
    say: (text) => { show(text, false) },
    warn: (text) => { show(text, true) },
    clear: () => { element.textContent = ''; element.className = 'outcome' },
  }
}

/** What the API refused, as the sentence the console shows ("Not done: …"). */
export function refusal (s: Strings, error: unknown, status: number): string {
  const problem = asProblem(error, status)
  const fields = (problem.errors ?? []).map((e) => `${e.pointer.replace(/^\/body\//, '')}: ${e.detail}`)
  return s.problem(problem.title, fields.length > 0 ? fields.join('; ') : problem.detail ?? '')
}
