// What the story and comment forms share: labelled fields, the API's field problems shown next to each
// field, the honeypot and fill time, sending, and the confirmation with its support message.
import { asProblem, type Problem, type Schemas } from './client.js'
import { h, uid } from '../../browser/dom.js'
import { format, type Strings } from './strings.js'

type Receipt = Schemas['SubmissionReceipt']

/** A form control with its error line; `described` carries aria-invalid/-describedby (a fieldset only the latter). */
export interface Field { name: string, focus: HTMLElement, described: HTMLElement, error: HTMLElement, wrap: HTMLElement }

/** Which field a problem's JSON pointer (e.g. `/body/consent/publish`) belongs to; undefined = the form as a whole. */
export function fieldFor (pointer: string): string | undefined {
  const [where, name, sub] = pointer.split('/').slice(1)
  if (where !== 'body') return undefined
  return name === 'consent' && sub === 'research' ? 'research' : name
}

export const errorLine = (): HTMLParagraphElement => h('p', { class: 'error', id: uid('err'), hidden: true })

export function textField (name: string, label: string, control: HTMLInputElement | HTMLTextAreaElement): Field {
  const id = uid(name)
  control.id = id
  control.name = name
  const error = errorLine()
  const wrap = h('div', { class: `field field-${name}` }, h('label', { for: id }, label), control, error)
  return { name, focus: control, described: control, error, wrap }
}

export function checkbox (name: string, label: string): Field & { input: HTMLInputElement } {
  const input = h('input', { type: 'checkbox', id: uid(name), name })
  const error = errorLine()
  const wrap = h('div', { class: `field field-${name}` }, h('label', { class: 'choice', for: input.id }, input, h('span', {}, label)), error)
  return { name, focus: input, described: input, error, wrap, input }
}

interface Automation { website?: string, fillMs?: number }

/** The honeypot (invisible to people and assistive technology, skipped by the keyboard; bots fill it in) and
 *  the fill time. The API answers a filled honeypot or a form sent within 3 s like a success but stores
 *  nothing. `stamp` adds both to a payload; the honeypot only when filled. */
export function automationTrap (s: Strings): { wrap: HTMLElement, stamp: <T extends Automation>(payload: T) => T } {
  const shownAt = Date.now()
  const id = uid('website')
  const honeypot = h('input', { type: 'text', name: 'website', id, tabindex: '-1', autocomplete: 'off' })
  return {
    wrap: h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: id }, s.honeypot), honeypot),
    stamp (payload) {
      if (honeypot.value) payload.website = honeypot.value
      payload.fillMs = Math.min(86_400_000, Math.max(0, Date.now() - shownAt))
      return payload
    },
  }
}

export const summaryLine = (): HTMLParagraphElement => h('p', { class: 'error summary', role: 'alert', tabindex: '-1', hidden: true })

/** Shows a form's error summary with `text` and moves focus to it. */
export function showSummary (summary: HTMLElement, text: string): void {
  summary.textContent = text
  summary.hidden = false
  summary.focus()
}

/** The texts that differ between the forms. */
export interface FormTexts { submit: string, failed: string, duplicate: string, rateLimited: string }

export interface Sending {
  form: HTMLFormElement
  submit: HTMLButtonElement
  summary: HTMLElement
  fields: Field[]
  strings: Strings
  texts: FormTexts
  send: () => Promise<{ data?: Receipt, error?: unknown, response: Response }>
  created: (receipt: Receipt) => void
}

/** Sends the form on submit; a 201 goes to `created`, a problem is shown next to its fields (focus on the first). */
export function onSubmit (o: Sending): void {
  const { form, submit, summary, fields, strings: s, texts } = o

  function clearErrors (): void {
    summary.hidden = true
    for (const f of fields) {
      f.error.hidden = true
      f.error.textContent = ''
      f.described.removeAttribute('aria-invalid')
      f.described.removeAttribute('aria-describedby')
    }
  }

  function showProblem (problem: Problem, retryAfter: string | null): void {
    const general: string[] = []
    let first: Field | undefined
    for (const e of problem.errors ?? []) {
      const f = fields.find((x) => x.name === fieldFor(e.pointer))
      if (!f) { general.push(e.detail); continue }
      f.error.textContent = f.error.textContent ? `${f.error.textContent}; ${e.detail}` : e.detail
      f.error.hidden = false
      if (f.described.tagName !== 'FIELDSET') f.described.setAttribute('aria-invalid', 'true')
      f.described.setAttribute('aria-describedby', f.error.id)
      first ??= f
    }
    summary.textContent = problem.status === 429
      ? format(texts.rateLimited, { seconds: retryAfter ?? '60' })
      : problem.code === 'duplicate_submission' ? texts.duplicate
        : problem.status === 400 ? [s.formErrors, ...general].join(' ') : texts.failed
    summary.hidden = false
    if (first) first.focus.focus()
    else summary.focus()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (submit.disabled) return
    clearErrors()
    submit.disabled = true
    submit.textContent = s.submitting
    o.send().then(({ data, error, response }) => {
      if (data && response.status === 201) o.created(data)
      else showProblem(asProblem(error, response.status), response.headers.get('retry-after'))
    }).catch(() => { showSummary(summary, texts.failed) }).finally(() => {
      submit.disabled = false
      submit.textContent = texts.submit
    })
  })
}

/** Replaces the form with the confirmation (`intro`, the support message when the API sent one, then `keep`:
 *  how the author keeps the manage token) and moves focus there. */
export function showReceipt (notice: HTMLElement, form: HTMLElement, receipt: Receipt, intro: Node[], keep: HTMLElement): void {
  notice.replaceChildren(...intro, ...supportBlock(receipt.support))
  notice.append(keep)
  form.hidden = true
  notice.hidden = false
  notice.focus()
}

/** The site's support message and crisis resources, when the API answered with them (self-harm). */
export function supportBlock (support: Schemas['Support'] | undefined): HTMLElement[] {
  if (!support) return []
  const message = h('p', { class: 'support' }, support.message)
  return support.resources.length === 0
    ? [message]
    : [message, h('ul', { class: 'resources' }, ...support.resources.map((r) => h('li', {}, h('strong', {}, r.name), ': ', r.contact)))]
}
