// The submission form: labelled controls, the API's field problems shown next to each field, honeypot, support message.
import { asProblem, type ApiClient, type Schemas } from './client.js'
import { h, uid } from './dom.js'
import { format, type Strings } from './strings.js'

type Submission = Schemas['StorySubmission']
type Receipt = Schemas['SubmissionReceipt']
type FieldName = 'title' | 'body' | 'verdict' | 'authorName' | 'authorEmail' | 'consent' | 'research'

interface Field { name: FieldName, focus: HTMLElement, described: HTMLElement, error: HTMLElement, wrap: HTMLElement }

/** Which field a problem's JSON pointer (e.g. `/body/consent/publish`) belongs to; undefined = the form as a whole. */
export function fieldFor (pointer: string): FieldName | undefined {
  const parts = pointer.split('/').slice(1)
  if (parts[0] !== 'body') return undefined
  if (parts[1] === 'consent') return parts[2] === 'research' ? 'research' : 'consent'
  const name = parts[1]
  return name === 'title' || name === 'body' || name === 'verdict' || name === 'authorName' || name === 'authorEmail' ? name : undefined
}

function textField (name: FieldName, label: string, control: HTMLInputElement | HTMLTextAreaElement): Field {
  const id = uid(name)
  control.id = id
  control.name = name
  const error = h('p', { class: 'error', id: uid('err'), hidden: true })
  const wrap = h('div', { class: `field field-${name}` }, h('label', { for: id }, label), control, error)
  return { name, focus: control, described: control, error, wrap }
}

function checkbox (name: FieldName, label: string): Field & { input: HTMLInputElement } {
  const input = h('input', { type: 'checkbox', id: uid(name), name })
  const error = h('p', { class: 'error', id: uid('err'), hidden: true })
  const wrap = h('div', { class: `field field-${name}` }, h('label', { class: 'choice', for: input.id }, input, h('span', {}, label)), error)
  return { name, focus: input, described: input, error, wrap, input }
}

export interface FormOptions { api: ApiClient, site: string, topic: string, strings: Strings }

export function storyForm (o: FormOptions): HTMLElement {
  const s = o.strings
  const startedAt = Date.now()
  const title = textField('title', s.fieldTitle, h('input', { type: 'text', maxlength: '200', autocomplete: 'off' }))
  const body = textField('body', s.fieldBody, h('textarea', { maxlength: '10000' }))
  const authorName = textField('authorName', s.fieldAuthorName, h('input', { type: 'text', maxlength: '80', autocomplete: 'name' }))
  const authorEmail = textField('authorEmail', s.fieldAuthorEmail, h('input', { type: 'email', maxlength: '254', autocomplete: 'email' }))

  const verdictName = uid('verdict')
  const radios = (['effective', 'ineffective', 'none'] as const).map((value) => {
    const input = h('input', { type: 'radio', name: verdictName, value, id: uid('v') })
    const text = value === 'effective' ? s.verdictEffective : value === 'ineffective' ? s.verdictIneffective : s.verdictNoAnswer
    return { value, input, label: h('label', { class: 'choice', for: input.id }, input, h('span', {}, text)) }
  })
  const verdictError = h('p', { class: 'error', id: uid('err'), hidden: true })
  const legendId = uid('legend')
  const fieldset = h('fieldset', { class: 'field field-verdict', 'aria-labelledby': legendId },
    h('legend', { id: legendId }, s.fieldVerdict), ...radios.map((r) => r.label), verdictError)
  const verdict: Field = { name: 'verdict', focus: radios[0]!.input, described: fieldset, error: verdictError, wrap: fieldset }

  const consent = checkbox('consent', s.fieldConsent)
  const research = checkbox('research', s.fieldResearch)

  // Honeypot: invisible to people and assistive technology, skipped by the keyboard; bots fill it in.
  const honeypotId = uid('website')
  const honeypot = h('input', { type: 'text', name: 'website', id: honeypotId, tabindex: '-1', autocomplete: 'off' })
  const trap = h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: honeypotId }, s.honeypot), honeypot)

  const fields: Field[] = [title, body, verdict, authorName, authorEmail, consent, research]
  const summary = h('p', { class: 'error summary', role: 'alert', tabindex: '-1', hidden: true })
  const submit = h('button', { type: 'submit' }, s.submit)
  const headingId = uid('form')
  const form = h('form', { novalidate: true, 'aria-labelledby': headingId },
    h('p', { class: 'muted' }, s.formIntro), summary,
    title.wrap, body.wrap, fieldset, authorName.wrap, authorEmail.wrap, consent.wrap, research.wrap, trap,
    h('div', { class: 'actions' }, submit))
  const thanks = h('div', { class: 'notice thanks', tabindex: '-1', hidden: true })
  const section = h('section', { class: 'submit', 'aria-labelledby': headingId }, h('h2', { id: headingId }, s.formHeading), form, thanks)

  function clearErrors (): void {
    summary.hidden = true
    for (const f of fields) {
      f.error.hidden = true
      f.error.textContent = ''
      f.described.removeAttribute('aria-invalid')
      f.described.removeAttribute('aria-describedby')
    }
  }

  function showProblem (problem: Schemas['Problem'], retryAfter: string | null): void {
    const general: string[] = []
    let first: Field | undefined
    for (const e of problem.errors ?? []) {
      const f = fields.find((x) => x.name === fieldFor(e.pointer))
      if (!f) { general.push(e.detail); continue }
      f.error.textContent = f.error.textContent ? `${f.error.textContent}; ${e.detail}` : e.detail
      f.error.hidden = false
      if (f.described !== fieldset) f.described.setAttribute('aria-invalid', 'true')
      f.described.setAttribute('aria-describedby', f.error.id)
      first ??= f
    }
    summary.textContent = problem.status === 429
      ? format(s.rateLimited, { seconds: retryAfter ?? '60' })
      : problem.code === 'duplicate_submission' ? s.duplicate
        : problem.status === 400 ? [s.formErrors, ...general].join(' ') : s.submitFailed
    summary.hidden = false
    if (first) first.focus.focus()
    else summary.focus()
  }

  function showThanks (receipt: Receipt): void {
    thanks.replaceChildren(h('h3', {}, s.thanksHeading), h('p', {}, s.thanksBody))
    if (receipt.support) {
      thanks.append(h('p', { class: 'support' }, receipt.support.message))
      if (receipt.support.resources.length > 0) {
        thanks.append(h('ul', { class: 'resources' }, ...receipt.support.resources.map((r) => h('li', {}, h('strong', {}, r.name), ': ', r.contact))))
      }
    }
    thanks.append(h('p', { class: 'muted token' }, format(s.manageToken, { token: receipt.manageToken })))
    form.hidden = true
    thanks.hidden = false
    thanks.focus()
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (submit.disabled) return
    clearErrors()
    const checked = radios.find((r) => r.input.checked)
    const payload: Partial<Submission> = {
      title: (title.focus as HTMLInputElement).value,
      body: (body.focus as HTMLTextAreaElement).value,
      consent: { publish: consent.input.checked, research: research.input.checked } as Submission['consent'],
    }
    // No choice = omitted, so the API asks for one; "rather not say" is an explicit null.
    if (checked) payload.verdict = checked.value === 'none' ? null : checked.value
    const name = (authorName.focus as HTMLInputElement).value.trim()
    const email = (authorEmail.focus as HTMLInputElement).value.trim()
    if (name) payload.authorName = name
    if (email) payload.authorEmail = email
    // Honeypot and fill time: the API answers a filled honeypot or a form sent within 3 s like a success
    // but stores nothing. The honeypot is sent only when filled.
    if (honeypot.value) payload.website = honeypot.value
    payload.fillMs = Math.min(86_400_000, Math.max(0, Date.now() - startedAt))
    submit.disabled = true
    submit.textContent = s.submitting
    o.api.POST('/v1/sites/{site}/topics/{topic}/stories', {
      params: { path: { site: o.site, topic: o.topic } },
      body: payload as Submission,
    }).then(({ data, error, response }) => {
      if (data && response.status === 201) showThanks(data)
      else showProblem(asProblem(error, response.status), response.headers.get('retry-after'))
    }).catch(() => {
      summary.textContent = s.submitFailed
      summary.hidden = false
      summary.focus()
    }).finally(() => {
      submit.disabled = false
      submit.textContent = s.submit
    })
  })
  return section
}
