// The tally and the approved stories: content warnings collapsed behind "show story", paging, reporting.
import type { ApiClient, Schemas } from './client.js'
import { h, uid } from './dom.js'
import { format, type Strings } from './strings.js'

type Story = Schemas['PublicStory']
type Ratings = Schemas['TopicRatings']
const reasons = ['harm', 'spam', 'privacy', 'misinformation', 'other'] as const

const pct = (x: number): string => String(Math.round(x * 100))

export function renderTally (ratings: Ratings, s: Strings): HTMLElement {
  const section = h('section', { class: 'tally', 'aria-labelledby': uid('tally') })
  const heading = h('h2', { id: section.getAttribute('aria-labelledby') ?? '' }, s.tallyHeading)
  section.append(heading, h('p', { class: 'counts' }, format(s.tallyCounts, { effective: ratings.effective, ineffective: ratings.ineffective, total: ratings.total })))
  if (ratings.effectiveShare === null) {
    section.append(h('p', { class: 'muted' }, s.tallyNone))
    return section
  }
  const share = pct(ratings.effectiveShare)
  const fill = h('div')
  fill.style.width = `${share}%` // CSSOM, not a style attribute: allowed under a strict style-src
  section.append(
    h('div', { class: 'bar', 'aria-hidden': 'true' }, fill),
    h('p', { class: 'share' }, format(s.tallyShare, { share }),
      ratings.ci95 ? ` ${format(s.tallyInterval, { lower: pct(ratings.ci95.lower), upper: pct(ratings.ci95.upper) })}` : ''),
  )
  return section
}

function verdictBadge (verdict: Story['verdict'], s: Strings): HTMLElement {
  const [cls, text] = verdict === 'effective' ? ['effective', s.verdictEffective] : verdict === 'ineffective' ? ['ineffective', s.verdictIneffective] : ['none', s.verdictNone]
  return h('span', { class: `badge ${cls}` }, text)
}

function warningLabel (w: string, s: Strings): string {
  const known = (s as Record<string, string>)[`warning_${w}`]
  return known ?? w.replace(/_/g, ' ')
}

function reportForm (api: ApiClient, story: Story, s: Strings, toggle: HTMLButtonElement): HTMLFormElement {
  const selectId = uid('reason')
  const select = h('select', { id: selectId, name: 'reason' }, ...reasons.map((r) => h('option', { value: r }, (s as Record<string, string>)[`reason_${r}`] ?? r)))
  const status = h('p', { role: 'status', class: 'muted', tabindex: '-1' })
  const send = h('button', { type: 'submit' }, s.reportSend)
  const cancel = h('button', { type: 'button', class: 'secondary' }, s.reportCancel)
  const form = h('form', { class: 'report', hidden: true }, h('label', { for: selectId }, s.reportLabel), select, h('div', { class: 'actions' }, send, cancel), status)
  cancel.addEventListener('click', () => { form.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus() })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    send.disabled = true
    const reason = select.value as (typeof reasons)[number]
    api.POST('/v1/stories/{id}/reports', { params: { path: { id: story.id } }, body: { reason } })
      .then(({ response }) => {
        if (!response.ok) throw new Error(String(response.status))
        for (const el of form.querySelectorAll<HTMLElement>('label, select, .actions')) el.hidden = true
        toggle.hidden = true
        status.textContent = s.reportThanks
        status.focus()
      })
      .catch(() => { status.textContent = s.reportFailed; send.disabled = false })
  })
  return form
}

export function renderStory (api: ApiClient, story: Story, s: Strings, locale: string | undefined): HTMLElement {
  const titleId = uid('story')
  const contentId = uid('content')
  const date = new Date(story.publishedAt)
  const time = h('time', { datetime: story.publishedAt }, Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date))
  const content = h('div', { id: contentId, class: 'content' },
    h('h3', { id: titleId }, story.title),
    h('p', { class: 'muted' }, verdictBadge(story.verdict, s), ' ', story.authorName ?? s.anonymous, ' · ', time),
    h('p', { class: 'body' }, story.body),
  )
  const article = h('article', { class: 'story', tabindex: '-1', 'aria-labelledby': titleId, 'data-id': story.id })
  if (story.contentWarnings.length > 0) {
    const warnings = story.contentWarnings.map((w) => warningLabel(w, s)).join(', ')
    const warningId = uid('cw')
    const show = h('button', { type: 'button', class: 'secondary show-story', 'aria-expanded': 'false', 'aria-controls': contentId, 'aria-describedby': warningId }, s.showStory)
    content.hidden = true
    show.addEventListener('click', () => {
      content.hidden = !content.hidden
      show.setAttribute('aria-expanded', String(!content.hidden))
      show.textContent = content.hidden ? s.showStory : s.hideStory
    })
    article.removeAttribute('aria-labelledby')
    article.setAttribute('aria-describedby', warningId)
    article.append(h('p', { class: 'warning', id: warningId }, format(s.contentWarning, { warnings })), show)
  }
  const toggle = h('button', { type: 'button', class: 'link report-link', 'aria-expanded': 'false' }, s.report)
  const form = reportForm(api, story, s, toggle)
  toggle.setAttribute('aria-controls', (form.id = uid('report')))
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden
    toggle.setAttribute('aria-expanded', String(!form.hidden))
    if (!form.hidden) form.querySelector('select')?.focus()
  })
  article.append(content, h('p', {}, toggle), form)
  return article
}

export interface StoryListOptions { api: ApiClient, site: string, topic: string, pageSize: number, strings: Strings, locale: string | undefined }

/** The stories section; loads the first page and appends further pages on "show more" (focus moves to the first new story). */
export function storyList (o: StoryListOptions): { section: HTMLElement, load: () => Promise<void> } {
  const s = o.strings
  const headingId = uid('stories')
  const list = h('ol', { class: 'stories' })
  const empty = h('p', { class: 'muted', hidden: true }, s.noStories)
  const more = h('button', { type: 'button', class: 'secondary show-more', hidden: true }, s.showMore)
  const status = h('p', { class: 'error', role: 'alert', hidden: true })
  const section = h('section', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, s.storiesHeading), list, empty, status, more)
  let cursor: string | undefined

  async function load (): Promise<void> {
    more.disabled = true
    const { data, error } = await o.api.GET('/v1/sites/{site}/topics/{topic}/stories', {
      params: { path: { site: o.site, topic: o.topic }, query: { limit: o.pageSize, ...(cursor ? { cursor } : {}) } },
    })
    more.disabled = false
    if (!data || error) {
      status.textContent = s.loadFailed
      status.hidden = false
      return
    }
    status.hidden = true
    const first = !cursor
    const added = data.items.map((story) => h('li', {}, renderStory(o.api, story, s, o.locale)))
    list.append(...added)
    empty.hidden = !(first && data.items.length === 0)
    cursor = data.nextCursor ?? undefined
    more.hidden = !cursor
    if (!first) added[0]?.querySelector<HTMLElement>('article')?.focus()
  }
  more.addEventListener('click', () => { load().catch(() => { more.disabled = false; status.textContent = s.loadFailed; status.hidden = false }) })
  return { section, load }
}
