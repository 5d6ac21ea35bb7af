// "Your stories": the stories this device remembers, each with its status from the author's view
// (GET /v1/stories/{id}/manage with its token), and editing while pending, withdrawing and forgetting.
import type { ApiClient, Schemas } from './client.js'
import type { DeviceMemory, Remembered } from './device-memory.js'
import { h, uid } from '../../browser/dom.js'
import { publishedTime } from './item.js'
import { ownEditForm } from './own-edit-form.js'
import { format, type Strings } from './strings.js'

type OwnItem = Schemas['OwnItem']

export interface YourStoriesOptions { api: ApiClient, memory: DeviceMemory, strings: Strings, locale: string | undefined }

export function yourStories (o: YourStoriesOptions): { section: HTMLElement, refresh: () => Promise<void> } {
  const s = o.strings
  const headingId = uid('yours')
  const list = h('ul', { class: 'yours' })
  const notice = h('p', { class: 'muted', role: 'status', tabindex: '-1', hidden: true })
  const support = h('div', { class: 'support-slot' })
  const section = h('section', { class: 'your-stories', 'aria-labelledby': headingId, hidden: true },
    h('h2', { id: headingId }, s.yourStoriesHeading), h('p', { class: 'muted' }, s.yourStoriesIntro), notice, support, list)

  async function refresh (): Promise<void> {
    const items = o.memory.list()
    const entries = await Promise.all(items.map(async (entry) => h('li', {}, await renderEntry(entry))))
    list.replaceChildren(...entries)
    section.hidden = items.length === 0 && notice.hidden
  }

  /** Shows a message (and the support block an edit was answered with) above the list and re-reads every story. */
  function announce (message: string, supportBlock: HTMLElement[] = []): void {
    notice.textContent = message
    notice.hidden = false
    support.replaceChildren(...supportBlock)
    refresh().finally(() => notice.focus())
  }

  async function renderEntry (entry: Remembered): Promise<HTMLElement> {
    const titleId = uid('own')
    const article = h('article', { class: 'own', 'aria-labelledby': titleId, 'data-id': entry.id }, h('h3', { id: titleId }, entry.title))
    const forget = h('button', { type: 'button', class: 'secondary forget' }, s.ownForget)
    forget.addEventListener('click', () => { o.memory.forget(entry.id); announce(format(s.ownForgotten, { title: entry.title })) })
    const { data, response } = await o.api.GET('/v1/stories/{id}/manage', { params: { path: { id: entry.id }, header: { 'X-Manage-Token': entry.token } } })
      .catch(() => ({ data: undefined, response: undefined }))
    if (!data) {
      const gone = response?.status === 404 || response?.status === 403
      article.append(h('p', { class: gone ? 'status gone' : 'error' }, gone ? s.statusGone : s.statusFailed), h('div', { class: 'actions' }, forget))
      return article
    }
    article.append(...describe(data))
    const actions = h('div', { class: 'actions' })
    if (data.editable) actions.append(editButton(article, entry, data, response.headers.get('etag') ?? '*'))
    actions.append(withdrawButton(article, entry), forget)
    article.append(actions)
    return article
  }

  function describe (item: OwnItem): HTMLElement[] {
    const out = [h('p', { class: `status status-${item.status}` }, h('strong', {}, s[`status_${item.status}`]), ` ${s.statusSince} `, publishedTime(item.statusChangedAt, o.locale))]
    if (item.reason) out.push(h('p', { class: 'reason' }, format(s.reasonText, { reason: item.reason.text })))
    if (item.publicVersion) out.push(h('p', { class: 'muted' }, s.publicVersionNote))
    if (item.responses) {
      const rating = item.responses.readerRating
      out.push(h('p', { class: 'muted responses' }, format(s.responsesSummary, { count: item.responses.commentCount }), ' · ',
        rating.count === 0 ? s.ratingNone : format(rating.count === 1 ? s.ratingOne : s.ratingMany, { average: rating.average ?? '', count: rating.count })))
    }
    return out
  }

  function editButton (article: HTMLElement, entry: Remembered, item: OwnItem, etag: string): HTMLElement {
    const edit = h('button', { type: 'button', class: 'secondary edit-own' }, s.ownEdit)
    edit.addEventListener('click', () => {
      const actions = edit.parentElement
      if (actions) actions.hidden = true
      const form = ownEditForm({
        api: o.api, strings: s, token: entry.token, item, etag,
        finished: (message, supportBlock) => {
          const title = form.querySelector<HTMLInputElement>('input[name=title]')?.value.trim()
          if (title && message === s.ownSaved) o.memory.add({ ...entry, title })
          announce(message, supportBlock)
        },
        cancelled: () => { form.remove(); if (actions) actions.hidden = false; edit.focus() },
      })
      article.append(form)
    })
    return edit
  }

  function withdrawButton (article: HTMLElement, entry: Remembered): HTMLElement {
    const withdraw = h('button', { type: 'button', class: 'secondary withdraw-own' }, s.ownWithdraw)
    withdraw.addEventListener('click', () => {
      const yes = h('button', { type: 'button' }, s.ownWithdrawYes)
      const no = h('button', { type: 'button', class: 'secondary' }, s.reportCancel)
      const confirm = h('div', { class: 'confirm', role: 'group', 'aria-label': s.ownWithdrawConfirm }, h('p', {}, s.ownWithdrawConfirm), h('div', { class: 'actions' }, yes, no))
      no.addEventListener('click', () => { confirm.remove(); withdraw.focus() })
      yes.addEventListener('click', () => {
        yes.disabled = true
        o.api.DELETE('/v1/stories/{id}', { params: { path: { id: entry.id }, header: { 'X-Manage-Token': entry.token } } })
          .then(({ response }) => {
            if (!response.ok && response.status !== 404) throw new Error(String(response.status))
            o.memory.forget(entry.id)
            announce(format(s.ownWithdrawn, { title: entry.title }))
          })
          .catch(() => { yes.disabled = false; confirm.append(h('p', { class: 'error', role: 'alert' }, s.ownWithdrawFailed)) })
      })
      article.append(confirm)
      yes.focus()
    })
    return withdraw
  }

  return { section, refresh }
}
