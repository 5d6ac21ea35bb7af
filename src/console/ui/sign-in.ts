// The sign-in form: the key is checked with GET /v1/me before it is kept; the form never submits anywhere.
import { h } from '../../browser/dom.js'
import { consoleApi, type CurrentKey } from './api.js'
import { saveKey } from './session.js'
import type { Strings } from './strings.js'

export function signInView (s: Strings, onSignedIn: (key: string, me: CurrentKey) => void): HTMLElement {
  const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true })
  const error = h('p', { class: 'alert', role: 'alert', hidden: true })
  const form = h('form', { class: 'sign-in', 'aria-labelledby': 'sign-in-heading' },
    h('h2', { id: 'sign-in-heading' }, s.signInHeading),
    h('p', {}, s.signInHelp),
    h('label', { for: 'api-key' }, s.keyLabel), input, error,
    h('button', { type: 'submit', class: 'primary' }, s.signIn))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const key = input.value.trim()
    void consoleApi(key).GET('/v1/me').then(({ data }) => {
      if (!data) throw new Error('refused')
      saveKey(key)
      onSignedIn(key, data)
    }).catch(() => {
      error.textContent = s.keyRefused
      error.hidden = false
      input.focus()
    })
  })
  queueMicrotask(() => { input.focus() })
  return form
}
