// The tally and the approved stories: content warnings collapsed behind "show story", reader rating, comments, paging, reporting.
import type { ApiClient, Schemas } from './client.js'
import { storyComments } from './comments.js'
import { h, uid } from '../../browser/dom.js'
import { collapseBehindWarnings, publishedTime, reportControl } from './item.js'
import { readerRating } from './reader-rating.js'
import { format, type Strings } from './strings.js'

type Story = Schemas['PublicStory']
type Ratings = Schemas['TopicRatings']

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

export interface StoryOptions { api: ApiClient, strings: Strings, locale: string | undefined, pageSize: number }

export function renderStory (story: Story, o: StoryOptions): HTMLElement {
  const s = o.strings
  const titleId = uid('story')
  const content = h('div', { class: 'content' },
    h('h3', { id: titleId }, story.title),
    h('p', { class: 'muted' }, verdictBadge(story.verdict, s), ' ', story.authorName ?? s.anonymous, ' · ', publishedTime(story.publishedAt, o.locale)),
    h('p', { class: 'body' }, story.body),
    readerRating(o.api, story, s, o.locale),
    ...storyComments(story, o),
  )
  const article = h('article', { class: 'story', tabindex: '-1', 'aria-labelledby': titleId, 'data-id': story.id })
  collapseBehindWarnings(article, content, story.contentWarnings, s, 'story')
  // Collapsed, the story is described by its warnings rather than named by its (hidden) title.
  if (content.hidden) article.removeAttribute('aria-labelledby')
  article.append(content, ...reportControl(s.report, s, async (reason) =>
    await o.api.POST('/v1/stories/{id}/reports', { params: { path: { id: story.id } }, body: { reason } })))
  return article
}

export interface StoryListOptions extends StoryOptions { site: string, topic: string }

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
    const added = data.items.map((story) => h('li', {}, renderStory(story, o)))
    list.append(...added)
    empty.hidden = !(first && data.items.length === 0)
    cursor = data.nextCursor ?? undefined
    more.hidden = !cursor
    if (!first) added[0]?.querySelector<HTMLElement>('article')?.focus()
  }
  more.addEventListener('click', () => { load().catch(() => { more.disabled = false; status.textContent = s.loadFailed; status.hidden = false }) })
  return { section, load }
}
