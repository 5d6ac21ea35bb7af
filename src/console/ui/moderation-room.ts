// The moderator's room: the queue and the item side by side, the shortcuts and their dialog, triage's
// measured quality, the blur preference.
// Built when the view opens and torn down when it closes (no queue polling or shortcuts behind another view).
import { h } from '../../browser/dom.js'
import type { ConsoleContext } from './context.js'
import { itemView } from './item.js'
import { installShortcuts } from './keyboard.js'
import { queueView } from './queue.js'
import { triageQualityDialog } from './triage-quality.js'

function shortcutsDialog (ctx: ConsoleContext): HTMLDialogElement {
  const { s } = ctx
  const close = h('button', { type: 'button' }, s.close)
  const dialog = h('dialog', { class: 'shortcuts', 'aria-labelledby': 'shortcuts-heading' },
    h('h2', { id: 'shortcuts-heading' }, s.shortcutsHeading),
    h('dl', {}, ...s.shortcuts.flatMap(([key, what]) => [h('dt', {}, h('kbd', {}, key)), h('dd', {}, what)])), close)
  close.addEventListener('click', () => { dialog.close() })
  return dialog
}

export interface Room {
  element: HTMLElement
  /** Controls for the header while the room is open. */
  tools: HTMLElement[]
  leave: () => void
}

export function moderationRoom (ctx: ConsoleContext): Room {
  const { s } = ctx
  const dialog = shortcutsDialog(ctx)
  let returnFocus: HTMLElement | null = null
  const showShortcuts = (): void => { returnFocus = document.activeElement as HTMLElement | null; dialog.showModal() }
  dialog.addEventListener('close', () => { returnFocus?.focus() })
  const help = h('button', { type: 'button' }, s.shortcutsButton)
  help.addEventListener('click', showShortcuts)
  const quality = triageQualityDialog(ctx)
  const showQuality = (): void => { void quality.show() }
  const qualityButton = h('button', { type: 'button' }, s.qualityButton)
  qualityButton.addEventListener('click', showQuality)
  const blur = h('input', { type: 'checkbox', checked: ctx.wellbeing.blurEnabled() })

  const item = itemView(ctx, (id) => { queue.decided(id) }, () => { void queue.refresh() })
  const queue = queueView(ctx, (picked) => { void item.open(picked.id) })
  const removeShortcuts = installShortcuts(queue, item, showShortcuts, showQuality)
  blur.addEventListener('change', () => { ctx.wellbeing.setBlur(blur.checked); void queue.refresh() })
  return {
    element: h('div', { class: 'panes' }, queue.element, item.element, dialog, quality.element),
    tools: [h('label', { class: 'pref' }, blur, ` ${s.blurPreference}`), qualityButton, help],
    leave: () => { removeShortcuts(); queue.stop(); item.stop() },
  }
}
