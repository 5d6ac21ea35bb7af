// After a submission, how the author keeps their manage token: remembered on this device if they agree,
// otherwise shown once with a copy button and a plain explanation of what it is for.
import { h } from '../../browser/dom.js'
import type { Strings } from './strings.js'

/** The token shown once, with "copy" (clipboard, or the text selected when the clipboard is refused). */
export function tokenOnce (token: string, explanation: string, s: Strings): HTMLElement {
  const code = h('p', { class: 'token' }, token)
  const status = h('span', { class: 'muted', role: 'status' })
  const copy = h('button', { type: 'button', class: 'secondary copy-token' }, s.copyToken)
  copy.addEventListener('click', () => {
    const selectCode = (): void => {
      const range = document.createRange()
      range.selectNodeContents(code)
      const selection = (code.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      status.textContent = s.copyFailed
    }
    if (!navigator.clipboard) { selectCode(); return }
    navigator.clipboard.writeText(token).then(() => { status.textContent = s.copied }, selectCode)
  })
  return h('div', { class: 'keep' }, h('p', {}, explanation), code, h('div', { class: 'actions' }, copy, status))
}

/** Asks before remembering; `remember` stores the token and returns false if it could not. */
export function rememberOffer (token: string, s: Strings, remember: () => boolean): HTMLElement {
  const yes = h('button', { type: 'button', class: 'remember' }, s.rememberYes)
  const no = h('button', { type: 'button', class: 'secondary' }, s.rememberNo)
  const offer = h('div', { class: 'keep', role: 'group', 'aria-label': s.rememberQuestion },
    h('p', {}, h('strong', {}, s.rememberQuestion)), h('p', { class: 'muted' }, s.rememberExplain), h('div', { class: 'actions' }, yes, no))
  const settle = (shown: HTMLElement, focus: HTMLElement): void => { offer.replaceWith(shown); focus.focus() }
  yes.addEventListener('click', () => {
    if (!remember()) { no.click(); return }
    const done = h('p', { class: 'remembered', tabindex: '-1' }, s.remembered)
    settle(done, done)
  })
  no.addEventListener('click', () => {
    const once = tokenOnce(token, s.manageToken, s)
    settle(once, once.querySelector('button') ?? once)
  })
  return offer
}
