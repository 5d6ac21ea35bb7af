// The queue pane: harm first as the API orders it, the API's filters, j/k selection, and a refresh
// every 30 s that keeps the moderator's selection, focus and scroll position.
import { h } from '../../browser/dom.js'
import type { QueueItem } from './api.js'
import { categoryChips, kindBadge, levelBadge } from './badges.js'
import type { ConsoleContext } from './context.js'
import { clockTime, duration, secondsUntil } from './format.js'
import { queueFilters, type Filters } from './queue-filters.js'
import { refreshMs } from './settings.js'
import { isDistressing } from './wellbeing.js'

const pageSize = 25

export interface QueueView {
  element: HTMLElement
  refresh: () => Promise<void>
  move: (delta: number) => void
  focusSelected: () => void
  /** A decision took the item out of the queue: select the next one and refresh. */
  decided: (id: string) => void
  stop: () => void
}

export function queueView (ctx: ConsoleContext, onOpen: (item: QueueItem) => void): QueueView {
  const { api, s, me } = ctx
  let items: QueueItem[] = []
  let nextCursor: string | null = null
  let selectedId: string | null = null
  let filters: Filters = {}
  const status = h('p', { class: 'muted', role: 'status' })
  const list = h('ol', { class: 'queue-list', 'aria-label': s.queueHeading })
  const more = h('button', { type: 'button', class: 'more', hidden: true }, s.loadMore)
  const refreshButton = h('button', { type: 'button' }, s.refresh)
  const element = h('section', { class: 'queue', 'aria-labelledby': 'queue-heading' },
    h('div', { class: 'pane-head' }, h('h2', { id: 'queue-heading' }, s.queueHeading), refreshButton),
    queueFilters(s, me, (f) => { filters = f; void refresh() }), status, list, more)

  const rowOf = (id: string | null): HTMLButtonElement | null => (id ? list.querySelector<HTMLButtonElement>(`button[data-id="${id}"]`) : null)

  function row (item: QueueItem): HTMLElement {
    const reports = Object.values(item.reports).reduce((a, b) => a + b, 0)
    const due = secondsUntil(item.dueAt)
    const claim = item.claim ? (item.claim.keyId === me.id ? s.claimedByYou : s.claimedBy(item.claim.name)) : null
    const blur = ctx.wellbeing.blurEnabled() && isDistressing(item.triage.categories)
    const button = h('button', { type: 'button', class: `row${item.id === selectedId ? ' selected' : ''}`, 'data-id': item.id, 'aria-current': item.id === selectedId ? 'true' : false },
      h('span', { class: 'line' }, levelBadge(s, item.triage.level), kindBadge(s, item.kind), ...categoryChips(s, item.triage.categories),
        item.escalated ? h('span', { class: 'chip' }, s.escalated) : null),
      h('span', { class: 'title' }, item.kind === 'comment' ? s.commentOn(item.title) : item.title),
      h('span', { class: `excerpt${blur ? ' blurred' : ''}` }, item.excerpt),
      h('span', { class: 'line meta' },
        reports > 0 ? h('span', { class: 'reports' }, s.reportsCount(reports)) : null,
        h('span', {}, s.age(duration(item.ageSeconds))),
        due < 0 ? h('span', { class: 'overdue' }, s.overdueBy(duration(-due))) : h('span', {}, s.dueIn(duration(due))),
        claim ? h('span', { class: 'claim' }, claim) : null))
    button.addEventListener('click', () => { select(item.id); onOpen(item) })
    return h('li', {}, button)
  }

  function render (): void {
    const focusedId = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id ?? null : null
    const focusedIndex = focusedId ? [...list.querySelectorAll('button')].findIndex((b) => b.dataset.id === focusedId) : -1
    const scroll = list.scrollTop
    list.replaceChildren(...items.map(row))
    if (items.length === 0) list.append(h('li', { class: 'muted' }, s.queueEmpty))
    more.hidden = nextCursor === null
    list.scrollTop = scroll
    if (focusedId !== null) {
      const again = rowOf(focusedId) ?? list.querySelectorAll('button')[Math.min(focusedIndex, items.length - 1)] ?? null
      again?.focus()
    }
  }

  let inFlight: Promise<void> | null = null
  async function load (cursor?: string): Promise<void> {
    const limit = cursor ? pageSize : Math.min(100, Math.max(pageSize, items.length))
    const { data } = await api.GET('/v1/moderation/queue', { params: { query: { ...filters, limit, ...(cursor ? { cursor } : {}) } } })
      .catch(() => ({ data: undefined }))
    if (!data) { status.textContent = s.loadFailed; return }
    items = cursor ? [...items, ...data.items] : data.items
    nextCursor = data.nextCursor
    status.textContent = s.updatedAt(clockTime(new Date().toISOString()))
    render()
  }
  const refresh = (): Promise<void> => (inFlight ??= load().finally(() => { inFlight = null }))
  more.addEventListener('click', () => { if (nextCursor) void load(nextCursor) })
  refreshButton.addEventListener('click', () => { void refresh() })
  const timer = setInterval(() => { void refresh() }, refreshMs)

  function select (id: string | null): void {
    rowOf(selectedId)?.classList.remove('selected')
    rowOf(selectedId)?.removeAttribute('aria-current')
    selectedId = id
    rowOf(id)?.classList.add('selected')
    rowOf(id)?.setAttribute('aria-current', 'true')
  }

  function move (delta: number): void {
    if (items.length === 0) return
    const at = items.findIndex((i) => i.id === selectedId)
    const next = items[at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + delta))]!
    select(next.id)
    const button = rowOf(next.id)
    button?.focus()
    button?.scrollIntoView({ block: 'nearest' })
  }

  function focusSelected (): void {
    (rowOf(selectedId) ?? list.querySelector('button'))?.focus()
  }

  function decided (id: string): void {
    const at = items.findIndex((i) => i.id === id)
    if (at >= 0) items.splice(at, 1)
    const next = items[Math.min(Math.max(at, 0), items.length - 1)]
    selectedId = next?.id ?? null
    render()
    focusSelected()
    void refresh()
  }

  void refresh()
  return { element, refresh, move, focusSelected, decided, stop: () => { clearInterval(timer) } }
}
