// The "Triage quality" dialog (t): how triage compared with what moderators confirmed or corrected
// on the key's sites, per level, per category and for harm, loaded fresh each time it opens.
import { h } from '../../browser/dom.js'
import type { TriageAgreement, TriageQuality } from './api.js'
import type { ConsoleContext } from './context.js'

const percent = (x: number): string => `${Math.round(x * 100)}%`

function share (s: ConsoleContext['s'], x: TriageAgreement['precision']): string {
  return x.value === null || x.lower === null || x.upper === null ? s.noShare : `${percent(x.value)} (${percent(x.lower)}–${percent(x.upper)})`
}

function table (ctx: ConsoleContext, caption: string, rows: Array<[string, TriageAgreement]>): HTMLTableElement {
  const { s } = ctx
  return h('table', { class: 'quality' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...s.qualityColumns.map((c, i) => h('th', { scope: 'col', class: i === 0 ? '' : 'num' }, c)))),
    h('tbody', {}, ...rows.map(([name, a]) => h('tr', {},
      h('th', { scope: 'row' }, name),
      ...[String(a.triaged), String(a.labelled), String(a.agreed), share(s, a.precision), share(s, a.recall)].map((v) => h('td', { class: 'num' }, v))))))
}

function figures (ctx: ConsoleContext, q: TriageQuality): Array<Node> {
  const { s } = ctx
  if (q.items === 0) return [h('p', { class: 'muted' }, s.qualityNone)]
  return [
    h('p', {}, s.qualityIntro(q.items, q.confirmed, q.corrected, q.filters.sites.join(', '))),
    table(ctx, s.qualityByLevel, [...Object.entries(q.levels).map(([k, a]) => [s.levels[k] ?? k, a] as [string, TriageAgreement]), [s.harmRow, q.harm]]),
    table(ctx, s.qualityByCategory, Object.entries(q.categories).map(([k, a]) => [s.categories[k] ?? k, a])),
    h('p', { class: 'muted' }, s.qualityHelp),
  ]
}

export interface QualityDialog { element: HTMLDialogElement, show: () => Promise<void> }

export function triageQualityDialog (ctx: ConsoleContext): QualityDialog {
  const { api, s } = ctx
  const body = h('div', { class: 'quality-body', role: 'status' })
  const close = h('button', { type: 'button' }, s.close)
  const element = h('dialog', { class: 'triage-quality', 'aria-labelledby': 'quality-heading' },
    h('h2', { id: 'quality-heading' }, s.qualityHeading), body, close)
  close.addEventListener('click', () => { element.close() })
  let returnFocus: HTMLElement | null = null
  element.addEventListener('close', () => { returnFocus?.focus() })

  async function show (): Promise<void> {
    returnFocus = document.activeElement as HTMLElement | null
    body.replaceChildren(h('p', { class: 'muted' }, '…'))
    if (!element.open) element.showModal()
    close.focus()
    const { data } = await api.GET('/v1/moderation/triage/quality').catch(() => ({ data: undefined }))
    body.replaceChildren(...(data ? figures(ctx, data) : [h('p', { class: 'alert' }, s.loadFailed)]))
  }
  return { element, show }
}
