// Editing one's own pending story from "Your stories": title and text, sent with the token and If-Match.
import { asProblem, type ApiClient, type Schemas } from './client.js'
import { h } from '../../browser/dom.js'
import { showSummary, summaryLine, supportBlock, textField } from './form.js'
import type { Strings } from './strings.js'

type OwnItem = Schemas['OwnItem']

export interface OwnEditOptions {
  api: ApiClient
  strings: Strings
  token: string
  item: OwnItem
  /** The ETag of the view the form was filled from. */
  etag: string
  /** Called after the answer: a message to show, and the support block when the API sent one. */
  finished: (message: string, support: HTMLElement[]) => void
  cancelled: () => void
}

export function ownEditForm (o: OwnEditOptions): HTMLFormElement {
  const s = o.strings
  const title = textField('title', s.fieldTitle, h('input', { type: 'text', maxlength: '200', autocomplete: 'off' }))
  const body = textField('body', s.fieldBody, h('textarea', { maxlength: '10000' }))
  const titleInput = title.focus as HTMLInputElement
  const bodyInput = body.focus as HTMLTextAreaElement
  titleInput.value = o.item.title
  bodyInput.value = o.item.body
  const summary = summaryLine()
  const save = h('button', { type: 'submit' }, s.ownSave)
  const cancel = h('button', { type: 'button', class: 'secondary' }, s.ownCancel)
  const form = h('form', { class: 'own-edit', novalidate: true }, summary, title.wrap, body.wrap, h('div', { class: 'actions' }, save, cancel))
  cancel.addEventListener('click', () => o.cancelled())
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (save.disabled) return
    save.disabled = true
    save.textContent = s.ownSaving
    o.api.PATCH('/v1/stories/{id}/manage', {
      params: { path: { id: o.item.id }, header: { 'X-Manage-Token': o.token, 'If-Match': o.etag } },
      body: { title: titleInput.value, body: bodyInput.value },
    }).then(({ data, error, response }) => {
      if (data) { o.finished(s.ownSaved, supportBlock(data.support)); return }
      const problem = asProblem(error, response.status)
      if (response.status === 409 || response.status === 412) { o.finished(response.status === 409 ? s.ownClosed : s.ownStale, []); return }
      showSummary(summary, problem.status === 400 ? [s.formErrors, ...(problem.errors ?? []).map((e) => e.detail)].join(' ') : s.ownFailed)
    }).catch(() => { showSummary(summary, s.ownFailed) }).finally(() => {
      save.disabled = false
      save.textContent = s.ownSave
    })
  })
  queueMicrotask(() => titleInput.focus())
  return form
}
