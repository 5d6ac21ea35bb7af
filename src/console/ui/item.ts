// The item pane: opens one story or comment, shows it (distressing text blurred until revealed), and
// runs claims, decisions, edits and triage corrections with the story's ETag. Conflicts (409 claim,
// 412 stale) are shown plainly, the latest version is loaded, and the moderator's drafts are kept:
// nothing is retried or overwritten.
import { h } from '../../browser/dom.js'
import { asProblem } from '../../browser/problem.js'
import type { AuditEvent, ModerationStory } from './api.js'
import { categoryChips, kindBadge, levelBadge } from './badges.js'
import type { ConsoleContext } from './context.js'
import { clockTime, dateTime, duration, secondsUntil } from './format.js'
import { actionBar, allowedActions, type Action, type Draft } from './item-actions.js'
import { triageDraftOf, triageSection, type TriageDraft } from './item-triage.js'
import { evidenceSection, historySection, latestChange, publicSection, reportsSection, storyText } from './item-sections.js'
import { selectedSpan } from './selection.js'
import { isDistressing } from './wellbeing.js'

export interface ItemView {
  element: HTMLElement
  open: (id: string) => Promise<void>
  claim: () => Promise<void>
  release: () => Promise<void>
  decide: (action: Action) => Promise<void>
  startReject: () => void
  toggleReveal: () => void
  redactSelection: () => void
  /** Stops the lease countdown (the room is closing). */
  stop: () => void
}

interface Opened { story: ModerationStory, etag: string, history: AuditEvent[], revealed: boolean, draft: Draft, triageDraft: TriageDraft }
type Message = { text: string, kind: 'status' | 'alert' } | null

/** `onDecided` after this moderator's decision; `onChangedElsewhere` when a conflict shows that someone else changed the item. */
export function itemView (ctx: ConsoleContext, onDecided: (id: string) => void, onChangedElsewhere: () => void): ItemView {
  const { api, s, me, wellbeing } = ctx
  const element = h('section', { class: 'item', 'aria-label': 'Item' }, h('p', { class: 'muted' }, s.itemPlaceholder))
  let current: Opened | null = null
  let message: Message = null
  let pause = 0
  const path = (id: string) => ({ params: { path: { id } } })

  async function fetchItem (id: string): Promise<Pick<Opened, 'story' | 'etag' | 'history'> | null> {
    const [story, history] = await Promise.all([api.GET('/v1/moderation/stories/{id}', path(id)), api.GET('/v1/moderation/stories/{id}/history', path(id))])
    if (!story.data || !history.data) return null
    return { story: story.data, etag: story.response.headers.get('etag') ?? '', history: history.data.items }
  }

  function claimLine (story: ModerationStory): string {
    if (!story.claim || secondsUntil(story.claim.expiresAt) <= 0) return s.claimNone
    return story.claim.keyId === me.id ? s.claimYours(duration(secondsUntil(story.claim.expiresAt))) : s.claimOther(story.claim.name, clockTime(story.claim.expiresAt))
  }
  const mine = (story: ModerationStory): boolean => story.claim?.keyId === me.id && secondsUntil(story.claim.expiresAt) > 0

  function render (focus?: string): void {
    if (!current) return
    const { story, history, draft } = current
    const before = focus ?? (element.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.key : undefined)
    const blurred = wellbeing.blurEnabled() && isDistressing(story.triage.categories) && !current.revealed
    const revealButton = isDistressing(story.triage.categories)
      ? h('button', { type: 'button', class: 'reveal', 'data-key': 'reveal', 'aria-pressed': String(current.revealed) }, current.revealed ? s.hide : s.reveal)
      : null
    revealButton?.addEventListener('click', toggleReveal)
    const notice = message ? h('p', { class: message.kind === 'alert' ? 'alert' : 'notice', role: message.kind, tabindex: '-1', 'data-key': 'message' }, message.text) : null
    const pauseNote = pause ? h('p', { class: 'pause', role: 'status' }, s.pauseSuggestion(pause), ' ', dismissButton()) : null
    element.classList.toggle('blurred', blurred)
    element.replaceChildren(
      notice ?? '', pauseNote ?? '',
      h('h2', { tabindex: '-1', 'data-key': 'heading', id: 'item-heading' }, h('span', { class: 'sensitive' }, story.kind === 'comment' ? s.kinds.comment! : story.title)),
      h('p', { class: 'line' }, levelBadge(s, story.triage.level), kindBadge(s, story.kind), ...categoryChips(s, story.triage.categories),
        h('span', { class: `badge status-${story.status}` }, s.statuses[story.status] ?? story.status),
        story.escalated ? h('span', { class: 'chip' }, s.escalated) : null, story.flagged ? h('span', { class: 'chip' }, s.flagged) : null),
      h('p', { class: 'muted' }, `${story.site} / ${story.topic} · ${s.verdicts[story.verdict ?? 'none']} · ${dateTime(story.createdAt)} · ${s.author(story.authorName, story.authorEmail)}`),
      h('p', { class: 'claim-line', 'data-claim': '' }, claimLine(story)),
      h('div', { class: 'text' }, blurred ? h('p', { class: 'muted' }, s.distressing) : null, storyText(s, story)),
      revealButton ?? '',
      actionBar(s, story, mine(story), draft, {
        claim: () => { void claim() },
        release: () => { void release() },
        decide: (a) => { void decide(a) },
        saveWarnings: () => { if (current) void edit({ contentWarnings: current.draft.warnings }, s.warningsSaved) },
        redact: redactSelection,
      }),
      triageSection(s, story, current.triageDraft, () => { void correctTriage() }),
      evidenceSection(s, story), reportsSection(s, story), publicSection(s, story), historySection(s, history))
    const target = (before ? element.querySelector<HTMLElement>(`[data-key="${before}"]`) : null) ?? (before ? element.querySelector<HTMLElement>('[data-key="heading"]') : null)
    target?.focus()
  }

  function dismissButton (): HTMLButtonElement {
    const b = h('button', { type: 'button', 'data-key': 'dismiss-pause' }, s.dismiss)
    b.addEventListener('click', () => { pause = 0; render('heading') })
    return b
  }

  async function open (id: string): Promise<void> {
    const loaded = await fetchItem(id)
    if (!loaded) { element.replaceChildren(h('p', { class: 'alert', role: 'alert' }, s.loadFailed)); return }
    const { story } = loaded
    current = { ...loaded, revealed: false, draft: { reason: '', note: '', warnings: story.status === 'pending' ? [...story.triage.categories] : [...story.contentWarnings] }, triageDraft: triageDraftOf(story) }
    message = null
    pause = wellbeing.opened(story.triage.categories) || pause
    render('heading')
  }

  /** Shows a failed call plainly and, for conflicts, loads the latest version (keeping the draft). */
  async function conflict (error: unknown, status: number): Promise<void> {
    if (!current) return
    const problem = asProblem(error, status)
    const latest = status === 409 || status === 412 ? await fetchItem(current.story.id) : null
    if (latest) current = { ...current, ...latest }
    if (latest && status === 412) onChangedElsewhere()
    message = {
      kind: 'alert',
      text: status === 409 && problem.claim
        ? s.claimConflict(problem.claim.name, clockTime(problem.claim.expiresAt))
        : status === 412 && current ? s.staleConflict(latestChange(s, current.story, current.history)) : s.problem(problem.title, problem.detail ?? ''),
    }
    render('message')
  }

  async function claim (): Promise<void> {
    if (!current || current.story.status === 'withdrawn') return
    const { data, error, response } = await api.POST('/v1/moderation/stories/{id}/claim', path(current.story.id))
    if (!data) { await conflict(error, response.status); return }
    current.story = { ...current.story, claim: data }
    message = { kind: 'status', text: s.claimed }
    render()
  }

  async function release (): Promise<void> {
    if (!current || !mine(current.story)) return
    const { error, response } = await api.DELETE('/v1/moderation/stories/{id}/claim', path(current.story.id))
    if (!response.ok) { await conflict(error, response.status); return }
    current.story = { ...current.story, claim: null }
    message = { kind: 'status', text: s.released }
    render()
  }

  async function decide (action: Action): Promise<void> {
    if (!current || !allowedActions(current.story).includes(action)) return
    const { story, draft, etag } = current
    const needsReason = action === 'reject' || action === 'remove'
    if (needsReason && !draft.reason) { message = { kind: 'alert', text: s.reasonNeeded }; render('reason'); return }
    const body = {
      action,
      ...(needsReason ? { reason: draft.reason as never } : {}),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      ...(action === 'approve' ? { contentWarnings: draft.warnings } : {}),
    }
    const { data, error, response } = await api.POST('/v1/moderation/stories/{id}/decision', { params: { path: { id: story.id }, header: { 'If-Match': etag } }, body })
    if (!data) { await conflict(error, response.status); return }
    const history = await api.GET('/v1/moderation/stories/{id}/history', path(story.id))
    current = { ...current, story: data, etag: response.headers.get('etag') ?? '', history: history.data?.items ?? current.history, draft: { ...draft, note: '' } }
    message = { kind: 'status', text: s.done[action] ?? '' }
    render()
    onDecided(story.id)
  }

  /** Content warnings or redactions (PATCH, with the ETag); conflicts as for decisions. */
  async function edit (body: { contentWarnings?: string[], redactions?: ModerationStory['redactions'] }, done: string): Promise<void> {
    if (!current) return
    const { id } = current.story
    const { data, error, response } = await api.PATCH('/v1/moderation/stories/{id}', { params: { path: { id }, header: { 'If-Match': current.etag } }, body })
    if (!data) { await conflict(error, response.status); return }
    const history = await api.GET('/v1/moderation/stories/{id}/history', path(id))
    current = { ...current, story: data, etag: response.headers.get('etag') ?? '', history: history.data?.items ?? current.history }
    message = { kind: 'status', text: done }
    render()
  }

  /** Correct triage (PUT, with the ETag): the label is shown and the correction joins the history. */
  async function correctTriage (): Promise<void> {
    if (!current || current.story.status === 'withdrawn') return
    const { id } = current.story
    const body = { level: current.triageDraft.level, categories: current.triageDraft.categories }
    const { data, error, response } = await api.PUT('/v1/moderation/stories/{id}/triage', { params: { path: { id }, header: { 'If-Match': current.etag } }, body })
    if (!data) { await conflict(error, response.status); return }
    const history = await api.GET('/v1/moderation/stories/{id}/history', path(id))
    current = { ...current, story: data, etag: response.headers.get('etag') ?? '', history: history.data?.items ?? current.history }
    message = { kind: 'status', text: s.triageCorrected }
    render()
  }

  function redactSelection (): void {
    if (!current || current.story.status === 'withdrawn') return
    const span = selectedSpan(element)
    if (!span) { message = { kind: 'alert', text: s.selectFirst }; render(); return }
    void edit({ redactions: [...current.story.redactions, span] }, s.redacted)
  }

  function startReject (): void {
    if (!current || !allowedActions(current.story).some((a) => a === 'reject' || a === 'remove')) return
    if (current.draft.reason) { void decide(allowedActions(current.story).includes('remove') ? 'remove' : 'reject'); return }
    element.querySelector<HTMLElement>('[data-key="reason"]')?.focus()
  }

  function toggleReveal (): void {
    if (!current || !isDistressing(current.story.triage.categories)) return
    current.revealed = !current.revealed
    render(element.contains(document.activeElement) ? undefined : 'reveal')
  }

  // The lease's time left counts down while the item is open.
  const countdown = setInterval(() => {
    const line = element.querySelector('[data-claim]')
    if (current && line) line.textContent = claimLine(current.story)
  }, 5000)

  return { element, open, claim, release, decide, startReject, toggleReveal, redactSelection, stop: () => { clearInterval(countdown) } }
}
