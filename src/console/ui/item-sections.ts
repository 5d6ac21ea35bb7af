// The read-only parts of an opened item: its text with triage evidence highlighted and labelled,
// the evidence list, content warnings, reports, the public version (redactions applied) and the history.
import { h } from '../../browser/dom.js'
import type { AuditEvent, ModerationStory } from './api.js'
import { dateTime } from './format.js'
import { segments, type Span } from './highlight.js'
import type { Strings } from './strings.js'

function highlighted (s: Strings, text: string, spans: Span[]): Array<Node | string> {
  return segments(text, spans).map((seg) => seg.category === undefined
    ? seg.text
    : h('mark', { class: `ev cat-${seg.category}`, 'data-category': seg.category },
      seg.text, h('span', { class: 'ev-tag' }, ` ${s.categories[seg.category] ?? seg.category}`)))
}

/** The original title and body, evidence highlighted; the caller decides whether it is blurred. */
export function storyText (s: Strings, story: ModerationStory): HTMLElement {
  const spans = (field: 'title' | 'body'): Span[] => story.triage.evidence.filter((e) => e.field === field)
  return h('div', { class: 'story-text sensitive' },
    story.title ? h('p', { class: 'story-title' }, ...highlighted(s, story.title, spans('title'))) : null,
    h('p', { class: 'story-body' }, ...highlighted(s, story.body, spans('body'))))
}

const section = (heading: string, ...content: Array<Node | null>): HTMLElement => h('section', { class: 'part' }, h('h3', {}, heading), ...content)

export function evidenceSection (s: Strings, story: ModerationStory): HTMLElement {
  const items = [
    ...story.triage.evidence.map((e) => h('li', {}, h('span', { class: `chip cat-${e.category}` }, s.categories[e.category] ?? e.category), h('span', { class: 'sensitive' }, ` “${e.phrase}”`), h('span', { class: 'muted' }, ` (${e.field})`))),
    ...story.triage.context.map((c) => h('li', { class: 'muted' }, s.contextNote[c.kind] ?? c.kind, c.evidence ? h('span', { class: 'sensitive' }, `: “${c.evidence.phrase}”`) : null)),
  ]
  return section(s.evidenceHeading, items.length ? h('ul', { class: 'evidence' }, ...items) : h('p', { class: 'muted' }, '—'))
}

export function reportsSection (s: Strings, story: ModerationStory): HTMLElement {
  return section(s.reportsHeading, story.reports.length === 0
    ? h('p', { class: 'muted' }, s.noReports)
    : h('ul', {}, ...story.reports.map((r) => h('li', {}, h('strong', {}, r.reason), r.details ? h('span', { class: 'sensitive' }, ` — ${r.details}`) : null, h('span', { class: 'muted' }, ` · ${dateTime(r.createdAt)}`)))))
}

export function publicSection (s: Strings, story: ModerationStory): HTMLElement {
  return section(s.publicHeading,
    story.publicTitle ? h('p', { class: 'story-title sensitive' }, story.publicTitle) : null,
    h('p', { class: 'public-body sensitive' }, story.publicBody),
    h('p', { class: 'muted' }, `${s.contentWarningsHeading}: ${story.contentWarnings.length ? story.contentWarnings.join(', ') : '—'} · ${s.redactionsCount(story.redactions.length)}`))
}

export function historySection (s: Strings, events: AuditEvent[]): HTMLElement {
  return section(s.historyHeading, h('ol', { class: 'history' }, ...events.map((e) => h('li', {},
    h('strong', {}, e.action), ` ${e.fromStatus ?? ''}${e.toStatus && e.toStatus !== e.fromStatus ? ` → ${e.toStatus}` : ''}`,
    e.reason ? ` (${e.reason})` : '', e.note ? ` “${e.note}”` : '',
    h('span', { class: 'muted' }, ` · ${e.actorName ?? e.actor} · ${dateTime(e.createdAt)}`)))))
}

/** One line saying what the latest event was, for a stale-version conflict. */
export function latestChange (s: Strings, story: ModerationStory, events: AuditEvent[]): string {
  const last = events.at(-1)
  const now = `now ${s.statuses[story.status] ?? story.status}`
  return last ? `${now}; last: ${last.action} by ${last.actorName ?? last.actor} at ${dateTime(last.createdAt)}` : now
}
