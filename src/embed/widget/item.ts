// What a story and a comment share on screen: the date, content warnings that collapse the text, and the report link.
import type { Schemas } from './client.js'
import { h, uid } from '../../browser/dom.js'
import { format, type Strings } from './strings.js'

type Reason = Schemas['ReportReason']
const reasons: Reason[] = ['harm', 'spam', 'privacy', 'misinformation', 'other']

export function publishedTime (iso: string, locale: string | undefined): HTMLTimeElement {
  const date = new Date(iso)
  return h('time', { datetime: iso }, Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date))
}

function warningLabel (w: string, s: Strings): string {
  const known = (s as Record<string, string>)[`warning_${w}`]
  return known ?? w.replace(/_/g, ' ')
}

/** With content warnings, hides `content` behind them and a show/hide button (class `show-<kind>`) added to `item`. */
export function collapseBehindWarnings (item: HTMLElement, content: HTMLElement, warnings: string[], s: Strings, kind: 'story' | 'comment'): void {
  if (warnings.length === 0) return
  const [showText, hideText] = kind === 'story' ? [s.showStory, s.hideStory] : [s.showComment, s.hideComment]
  const warningId = uid('cw')
  content.id ||= uid('content')
  const show = h('button', { type: 'button', class: `secondary show-${kind}`, 'aria-expanded': 'false', 'aria-controls': content.id, 'aria-describedby': warningId }, showText)
  content.hidden = true
  show.addEventListener('click', () => {
    content.hidden = !content.hidden
    show.setAttribute('aria-expanded', String(!content.hidden))
    show.textContent = content.hidden ? showText : hideText
  })
  item.setAttribute('aria-describedby', warningId)
  item.append(h('p', { class: 'warning', id: warningId }, format(s.contentWarning, { warnings: warnings.map((w) => warningLabel(w, s)).join(', ') })), show)
}

/** The report link and its small form; `send` posts the reason and resolves with the response. */
export function reportControl (label: string, s: Strings, send: (reason: Reason) => Promise<{ response: Response }>): HTMLElement[] {
  const toggle = h('button', { type: 'button', class: 'link report-link', 'aria-expanded': 'false' }, label)
  const selectId = uid('reason')
  const select = h('select', { id: selectId, name: 'reason' }, ...reasons.map((r) => h('option', { value: r }, (s as Record<string, string>)[`reason_${r}`] ?? r)))
  const status = h('p', { role: 'status', class: 'muted', tabindex: '-1' })
  const submit = h('button', { type: 'submit' }, s.reportSend)
  const cancel = h('button', { type: 'button', class: 'secondary' }, s.reportCancel)
  const form = h('form', { class: 'report', id: uid('report'), hidden: true }, h('label', { for: selectId }, s.reportLabel), select, h('div', { class: 'actions' }, submit, cancel), status)
  toggle.setAttribute('aria-controls', form.id)
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden
    toggle.setAttribute('aria-expanded', String(!form.hidden))
    if (!form.hidden) select.focus()
  })
  cancel.addEventListener('click', () => { form.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus() })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    submit.disabled = true
    send(select.value as Reason)
      .then(({ response }) => {
        if (!response.ok) throw new Error(String(response.status))
        for (const el of form.querySelectorAll<HTMLElement>('label, select, .actions')) el.hidden = true
        toggle.hidden = true
        status.textContent = s.reportThanks
        status.focus()
      })
      .catch(() => { status.textContent = s.reportFailed; submit.disabled = false })
  })
  return [h('p', {}, toggle), form]
}
