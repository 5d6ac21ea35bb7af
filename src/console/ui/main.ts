// Entry of the console bundle: sign in (or resume this tab's session), then the console; sign-out forgets the key.
import './console.css'
import { h } from '../../browser/dom.js'
import { consoleApi, type CurrentKey } from './api.js'
import { forgetKey, savedKey } from './session.js'
import { consoleShell } from './shell.js'
import { signInView } from './sign-in.js'
import { strings as s } from './strings.js'
import { wellbeing } from './wellbeing.js'

const root = document.getElementById('console') ?? document.body

function showSignIn (): void {
  root.replaceChildren(signInView(s, showConsole))
}

function showConsole (key: string, me: CurrentKey): void {
  const ctx = { api: consoleApi(key), me, s, wellbeing: wellbeing(me.id) }
  root.replaceChildren(consoleShell(ctx, () => { forgetKey(); showSignIn() }))
}

const key = savedKey()
if (key === null) {
  showSignIn()
} else {
  root.replaceChildren(h('p', { class: 'muted', role: 'status' }, '…'))
  void consoleApi(key).GET('/v1/me').then(({ data }) => {
    if (data) { showConsole(key, data); return }
    forgetKey()
    showSignIn()
  }).catch(showSignIn)
}
