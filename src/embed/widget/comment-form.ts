// "Have your say": the comment form on a story, built from the same pieces as the story form (form.ts).
import type { ApiClient, Schemas } from './client.js'
import { h, uid } from '../../browser/dom.js'
import { automationTrap, checkbox, onSubmit, showReceipt, summaryLine, textField } from './form.js'
import { tokenOnce } from './keep-token.js'
import type { Strings } from './strings.js'

type Submission = Schemas['CommentSubmission']

/** Built when the comments are first opened, so the fill time counts from when the form was shown. */
export function commentForm (api: ApiClient, storyId: string, s: Strings): HTMLElement {
  const body = textField('body', s.commentBody, h('textarea', { maxlength: '5000' }))
  const authorName = textField('authorName', s.commentAuthorName, h('input', { type: 'text', maxlength: '80', autocomplete: 'name' }))
  const consent = checkbox('consent', s.commentConsent)
  const trap = automationTrap(s)
  const summary = summaryLine()
  const submit = h('button', { type: 'submit' }, s.commentSubmit)
  const headingId = uid('cform')
  const form = h('form', { class: 'comment-form', novalidate: true, 'aria-labelledby': headingId },
    summary, body.wrap, authorName.wrap, consent.wrap, trap.wrap, h('div', { class: 'actions' }, submit))
  const thanks = h('div', { class: 'notice thanks', tabindex: '-1', hidden: true })

  onSubmit({
    form,
    submit,
    summary,
    fields: [body, authorName, consent],
    strings: s,
    texts: { submit: s.commentSubmit, failed: s.commentFailed, duplicate: s.commentDuplicate, rateLimited: s.commentRateLimited },
    send: async () => {
      const payload: Submission = {
        body: (body.focus as HTMLTextAreaElement).value,
        consent: { publish: consent.input.checked } as Submission['consent'],
      }
      const name = (authorName.focus as HTMLInputElement).value.trim()
      if (name) payload.authorName = name
      return await api.POST('/v1/stories/{id}/comments', { params: { path: { id: storyId } }, body: trap.stamp(payload) })
    },
    created: (receipt) => showReceipt(thanks, form, receipt, [h('p', {}, h('strong', {}, s.commentThanks))], tokenOnce(receipt.manageToken, s.commentManageToken, s)),
  })
  return h('div', { class: 'have-your-say' }, h('h4', { id: headingId }, s.commentFormHeading), form, thanks)
}
