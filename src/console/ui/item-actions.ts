// The action bar of an opened item: claim/renew/release, the decisions its status allows, and the
// reason, note and content warnings a decision carries (a draft that survives re-renders and conflicts).
import { h } from '../../browser/dom.js'
import type { ModerationStory } from './api.js'
import type { Strings } from './strings.js'

export type Action = 'approve' | 'reject' | 'escalate' | 'remove' | 'restore'
export interface Draft { reason: string, note: string, warnings: string[] }

/** The decisions the API accepts for an item in this state (src/moderation/decisions.ts), so no button leads to a refusal. */
export function allowedActions (story: ModerationStory): Action[] {
  switch (story.status) {
    case 'pending': return story.escalated ? ['approve', 'reject'] : ['approve', 'reject', 'escalate']
    case 'approved': return !story.flagged ? ['remove'] : story.escalated ? ['approve', 'remove'] : ['approve', 'remove', 'escalate']
    case 'rejected': case 'removed': return ['restore']
    default: return []
  }
}

export interface ActionHandlers {
  claim: () => void
  release: () => void
  decide: (action: Action) => void
  saveWarnings: () => void
  redact: () => void
}

export function actionBar (s: Strings, story: ModerationStory, mine: boolean, draft: Draft, on: ActionHandlers): HTMLElement {
  const button = (key: string, label: string, onClick: () => void, cls = ''): HTMLButtonElement => {
    const b = h('button', { type: 'button', 'data-key': key, class: cls }, label)
    b.addEventListener('click', onClick)
    return b
  }
  const actions = allowedActions(story)
  const claimButtons = story.status === 'withdrawn'
    ? []
    : [button('claim', mine ? s.renew : s.claim, on.claim), mine ? button('release', s.release, on.release) : null]
  const decisionButtons = actions.map((a) => button(a, s[a], () => { on.decide(a) }, a === 'approve' ? 'primary' : ''))
  const editable = story.status !== 'withdrawn'
  const redactButton = editable ? button('redact', s.redact, on.redact) : null
  // Mouse users select text and then press the button; keep the selection the press would clear.
  redactButton?.addEventListener('mousedown', (e) => { e.preventDefault() })

  const reason = h('select', { name: 'reason', 'data-key': 'reason' }, h('option', { value: '' }, s.chooseReason),
    ...Object.entries(s.reasons).map(([value, text]) => h('option', { value, selected: value === draft.reason }, text)))
  reason.addEventListener('change', () => { draft.reason = reason.value })
  reason.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return
    e.preventDefault()
    on.decide(actions.includes('remove') ? 'remove' : 'reject')
  })
  const note = h('textarea', { name: 'note', rows: '2', maxlength: '2000', 'data-key': 'note' })
  note.value = draft.note
  note.addEventListener('input', () => { draft.note = note.value })
  const warnings = h('fieldset', { class: 'warnings' }, h('legend', {}, s.contentWarningsHeading),
    ...Object.entries(s.categories).map(([value, text]) => {
      const box = h('input', { type: 'checkbox', value, 'data-key': `cw-${value}`, checked: draft.warnings.includes(value) })
      box.addEventListener('change', () => { draft.warnings = box.checked ? [...draft.warnings, value] : draft.warnings.filter((w) => w !== value) })
      return h('label', {}, box, ` ${text}`)
    }))
  const needsReason = actions.includes('reject') || actions.includes('remove')
  const published = story.status === 'approved'
  if (published) warnings.append(button('save-warnings', s.saveWarnings, on.saveWarnings))
  return h('div', { class: 'actions' },
    h('div', { class: 'buttons' }, ...claimButtons, ...decisionButtons, redactButton),
    actions.length ? h('div', { class: 'decision-fields' },
      needsReason ? h('label', {}, `${s.reasonLabel} `, reason) : null,
      h('label', {}, `${s.noteLabel} `, note),
      actions.includes('approve') || published ? warnings : null) : null)
}
