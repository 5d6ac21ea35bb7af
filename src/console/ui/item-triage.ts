// The item's "Correct triage" control: the moderator's reading (the label, corrected or confirmed by a
// decision) and a level with categories to set it, kept as a draft that survives re-renders and conflicts.
import { h } from '../../browser/dom.js'
import type { HarmCategory, ModerationStory, TriageLevel } from './api.js'
import type { Strings } from './strings.js'

export interface TriageDraft { level: TriageLevel, categories: HarmCategory[] }

const categoryOrder: HarmCategory[] = ['self_harm', 'abuse', 'trauma_response', 'physical_harm']

/** The level triage gives categories (the API requires a correction to follow the same rule). */
export const levelFor = (categories: readonly HarmCategory[]): TriageLevel =>
  categories.includes('self_harm') ? 'critical' : categories.length > 0 ? 'high' : 'normal'

/** The draft starts from the moderator's label if there is one, else from triage. */
export function triageDraftOf (story: ModerationStory): TriageDraft {
  const from = story.triageLabel ?? story.triage
  return { level: from.level, categories: [...from.categories] }
}

export function triageSection (s: Strings, story: ModerationStory, draft: TriageDraft, onCorrect: () => void): HTMLElement {
  const label = story.triageLabel
  const current = label
    ? s.triageLabelLine(s.levels[label.level] ?? label.level, label.categories.map((c) => s.categories[c] ?? c), label.source)
    : s.noTriageLabel
  const level = h('select', { name: 'triage-level', 'data-key': 'triage-level' },
    ...Object.entries(s.levels).map(([value, text]) => h('option', { value, selected: value === draft.level }, text)))
  level.addEventListener('change', () => { draft.level = level.value as TriageLevel })
  const boxes = categoryOrder.map((value) => {
    const box = h('input', { type: 'checkbox', value, 'data-key': `triage-${value}`, checked: draft.categories.includes(value) })
    box.addEventListener('change', () => {
      draft.categories = categoryOrder.filter((c) => (c === value ? box.checked : draft.categories.includes(c)))
      // The level follows the categories, as triage's does; the moderator sees it change.
      draft.level = levelFor(draft.categories)
      level.value = draft.level
    })
    return h('label', {}, box, ` ${s.categories[value] ?? value}`)
  })
  const button = h('button', { type: 'button', 'data-key': 'correct-triage' }, s.correctTriage)
  button.addEventListener('click', onCorrect)
  return h('section', { class: 'part triage-correction', 'aria-labelledby': 'triage-correction-heading' },
    h('h3', { id: 'triage-correction-heading' }, s.triageCorrectionHeading),
    h('p', { class: 'muted', 'data-triage-label': '' }, current),
    story.status === 'withdrawn'
      ? null
      : h('fieldset', { class: 'warnings' }, h('legend', {}, s.triageCorrectionLegend),
        h('label', {}, `${s.level} `, level), ...boxes, button))
}
