// The story submission form: title, story, verdict, optional name and email, consent; pieces shared with the comment form come from form.ts.
import type { ApiClient, Schemas } from './client.js'
import { h, uid } from '../../browser/dom.js'
import { automationTrap, checkbox, errorLine, onSubmit, showReceipt, summaryLine, textField, type Field } from './form.js'
import { rememberOffer, tokenOnce } from './keep-token.js'
import type { Strings } from './strings.js'

type Submission = Schemas['StorySubmission']

export interface FormOptions {
  api: ApiClient
  site: string
  topic: string
  strings: Strings
  /** Remembers the story on this device (after the author agreed); absent where the browser keeps nothing. */
  remember?: (story: { id: string, token: string, title: string }) => boolean
}

export function storyForm (o: FormOptions): HTMLElement {
  const s = o.strings
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
  const verdictError = errorLine()
  const legendId = uid('legend')
  const fieldset = h('fieldset', { class: 'field field-verdict', 'aria-labelledby': legendId },
    h('legend', { id: legendId }, s.fieldVerdict), ...radios.map((r) => r.label), verdictError)
  const verdict: Field = { name: 'verdict', focus: radios[0]!.input, described: fieldset, error: verdictError, wrap: fieldset }

  const consent = checkbox('consent', s.fieldConsent)
  const research = checkbox('research', s.fieldResearch)
  const trap = automationTrap(s)

  const summary = summaryLine()
  const submit = h('button', { type: 'submit' }, s.submit)
  const headingId = uid('form')
  const form = h('form', { novalidate: true, 'aria-labelledby': headingId },
    h('p', { class: 'muted' }, s.formIntro), summary,
    title.wrap, body.wrap, fieldset, authorName.wrap, authorEmail.wrap, consent.wrap, research.wrap, trap.wrap,
    h('div', { class: 'actions' }, submit))
  const thanks = h('div', { class: 'notice thanks', tabindex: '-1', hidden: true })

  onSubmit({
    form,
    submit,
    summary,
    fields: [title, body, verdict, authorName, authorEmail, consent, research],
    strings: s,
    texts: { submit: s.submit, failed: s.submitFailed, duplicate: s.duplicate, rateLimited: s.rateLimited },
    send: async () => {
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
      return await o.api.POST('/v1/sites/{site}/topics/{topic}/stories', {
        params: { path: { site: o.site, topic: o.topic } },
        body: trap.stamp(payload) as Submission,
      })
    },
    created: (receipt) => {
      const story = { id: receipt.id, token: receipt.manageToken, title: (title.focus as HTMLInputElement).value.trim() }
      const keep = o.remember ? rememberOffer(story.token, s, () => o.remember?.(story) ?? false) : tokenOnce(story.token, s.manageToken, s)
      showReceipt(thanks, form, receipt, [h('h3', {}, s.thanksHeading), h('p', {}, s.thanksBody)], keep)
    },
  })
  return h('section', { class: 'submit', 'aria-labelledby': headingId }, h('h2', { id: headingId }, s.formHeading), form, thanks)
}
