// The signed-in console: a header (who, blur preference, triage quality, shortcuts, sign out), the queue and the item side by side.
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

export function consoleShell (ctx: ConsoleContext, onSignOut: () => void): HTMLElement {
  const { s, me } = ctx
  const moderates = me.role === 'moderator' || me.role === 'admin'
  const dialog = shortcutsDialog(ctx)
  let returnFocus: HTMLElement | null = null
  const showShortcuts = (): void => { returnFocus = document.activeElement as HTMLElement | null; dialog.showModal() }
  dialog.addEventListener('close', () => { returnFocus?.focus() })

  const signOut = h('button', { type: 'button' }, s.signOut)
  const help = h('button', { type: 'button' }, s.shortcutsButton)
  help.addEventListener('click', showShortcuts)
  const quality = triageQualityDialog(ctx)
  const showQuality = (): void => { void quality.show() }
  const qualityButton = h('button', { type: 'button' }, s.qualityButton)
  qualityButton.addEventListener('click', showQuality)
  const blur = h('input', { type: 'checkbox', checked: ctx.wellbeing.blurEnabled() })
  const header = h('header', { class: 'top' },
    h('h1', {}, s.appName),
    h('p', { class: 'who' }, s.signedInAs(me.name, me.role, me.allSites ? s.allSites : me.sites.join(', '))),
    moderates ? h('label', { class: 'pref' }, blur, ` ${s.blurPreference}`) : null,
    moderates ? qualityButton : null, moderates ? help : null, signOut)

  if (!moderates) {
    signOut.addEventListener('click', onSignOut)
    return h('div', { class: 'shell' }, header, h('main', {}, h('p', { class: 'notice' }, s.noModeration)))
  }
  const item = itemView(ctx, (id) => { queue.decided(id) }, () => { void queue.refresh() })
  const queue = queueView(ctx, (picked) => { void item.open(picked.id) })
  const removeShortcuts = installShortcuts(queue, item, showShortcuts, showQuality)
  blur.addEventListener('change', () => { ctx.wellbeing.setBlur(blur.checked); void queue.refresh() })
  signOut.addEventListener('click', () => { removeShortcuts(); queue.stop(); onSignOut() })
  return h('div', { class: 'shell' }, header, h('main', { class: 'panes' }, queue.element, item.element), dialog, quality.element)
}
