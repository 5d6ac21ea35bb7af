// A story's comments: a "Comments (N)" toggle opening the approved comments (oldest first, paged) and the comment form.
import type { ApiClient, Schemas } from './client.js'
import { commentForm } from './comment-form.js'
import { h, uid } from '../../browser/dom.js'
import { collapseBehindWarnings, publishedTime, reportControl } from './item.js'
import { format, type Strings } from './strings.js'

type Comment = Schemas['PublicComment']

export interface CommentsOptions { api: ApiClient, strings: Strings, locale: string | undefined, pageSize: number }

export function renderComment (comment: Comment, o: CommentsOptions): HTMLElement {
  const s = o.strings
  const bylineId = uid('by')
  const content = h('div', { class: 'content' }, h('p', { class: 'body' }, comment.body))
  const article = h('article', { class: 'comment', tabindex: '-1', 'aria-labelledby': bylineId, 'data-id': comment.id },
    h('p', { class: 'muted', id: bylineId }, comment.authorName ?? s.anonymous, ' · ', publishedTime(comment.publishedAt, o.locale)))
  collapseBehindWarnings(article, content, comment.contentWarnings, s, 'comment')
  article.append(content, ...reportControl(s.reportComment, s, async (reason) =>
    await o.api.POST('/v1/comments/{id}/reports', { params: { path: { id: comment.id } }, body: { reason } })))
  return article
}

/** The toggle and the region it opens; the first opening loads the comments and builds the form. */
export function storyComments (story: Schemas['PublicStory'], o: CommentsOptions): HTMLElement[] {
  const s = o.strings
  const toggleId = uid('ct')
  const regionId = uid('comments')
  const toggle = h('button', { type: 'button', id: toggleId, class: 'secondary comments-toggle', 'aria-expanded': 'false', 'aria-controls': regionId },
    story.commentCount > 0 ? format(s.commentsToggle, { count: story.commentCount }) : s.commentsNone)
  const list = h('ol', { class: 'comments' })
  const status = h('p', { class: 'error', role: 'alert', hidden: true })
  const more = h('button', { type: 'button', class: 'secondary more-comments', hidden: true }, s.moreComments)
  const region = h('section', { id: regionId, class: 'discussion', 'aria-labelledby': toggleId, hidden: true }, list, status, more)
  let cursor: string | undefined
  let loaded = false
  let form: HTMLElement | undefined

  async function load (): Promise<void> {
    more.disabled = true
    const { data } = await o.api.GET('/v1/stories/{id}/comments', {
      params: { path: { id: story.id }, query: { limit: o.pageSize, ...(cursor ? { cursor } : {}) } },
    })
    more.disabled = false
    if (!data) throw new Error('comments not loaded')
    status.hidden = true
    const added = data.items.map((c) => h('li', {}, renderComment(c, o)))
    list.append(...added)
    if (cursor) added[0]?.querySelector('article')?.focus()
    cursor = data.nextCursor ?? undefined
    more.hidden = !cursor
    loaded = true
  }
  const loadOrSay = (): void => {
    load().catch(() => { more.disabled = false; status.textContent = s.commentsFailed; status.hidden = false })
  }

  more.addEventListener('click', loadOrSay)
  toggle.addEventListener('click', () => {
    region.hidden = !region.hidden
    toggle.setAttribute('aria-expanded', String(!region.hidden))
    if (region.hidden) return
    form ??= region.appendChild(commentForm(o.api, story.id, s))
    // A failed first load is tried again on the next opening.
    if (!loaded && story.commentCount > 0 && !more.disabled) loadOrSay()
  })
  return [h('p', {}, toggle), region]
}
