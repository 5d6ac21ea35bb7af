// Site admin: API keys. Create one (the key is shown once, with a copy button), list them all, revoke one.
// The key signed in here is marked and cannot be revoked from the console (it would lock its holder out).
import { h } from '../../browser/dom.js'
import type { ApiKey } from './api.js'
import type { ConsoleContext } from './context.js'
import { dataTable, labelled, outcome, refusal, select } from './fields.js'
import { dateTime } from './format.js'
import { shownOnce } from './shown-once.js'

export function keysSection (ctx: ConsoleContext, sites: string[]): HTMLElement {
  const { api, s, me } = ctx
  const a = s.admin
  const said = outcome()
  const list = h('div', {})
  const once = h('div', {})

  const name = h('input', { name: 'name', required: true, maxlength: '120', autocomplete: 'off' })
  const role = select('role', a.roles, 'moderator')
  const siteBoxes = sites.map((slug) => h('label', {}, h('input', { type: 'checkbox', name: 'sites', value: slug }), ` ${slug}`))
  const siteSet = h('fieldset', { class: 'site-choice' }, h('legend', {}, a.keySites), ...siteBoxes)
  const form = h('form', { class: 'form-grid', 'aria-labelledby': 'new-key-heading' },
    h('h4', { id: 'new-key-heading' }, a.newKey), labelled(a.name, name), labelled(a.role, role), siteSet,
    h('button', { type: 'submit', class: 'primary' }, a.createKey))
  role.addEventListener('change', () => { siteSet.disabled = role.value === 'admin' })

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const chosen = role.value === 'admin' ? [] : siteBoxes.map((l) => l.querySelector('input')!).filter((i) => i.checked).map((i) => i.value)
    void api.POST('/v1/admin/api-keys', { body: { name: name.value.trim(), role: role.value as ApiKey['role'], sites: chosen } }).then(({ data, error, response }) => {
      if (!data) { said.warn(refusal(s, error, response.status)); return }
      said.clear()
      once.replaceChildren(shownOnce(s, a.keyShownOnce(data.name), a.newKeyLabel, data.key))
      form.reset()
      void load()
    })
  })

  function revokeButton (key: ApiKey): HTMLElement | string {
    if (key.revokedAt !== null || key.id === me.id) return ''
    const button = h('button', { type: 'button', 'aria-label': a.revoke(key.name) }, a.revokeShort)
    button.addEventListener('click', () => {
      if (!confirm(a.confirmRevoke(key.name))) return
      void api.DELETE('/v1/admin/api-keys/{id}', { params: { path: { id: key.id } } }).then(({ error, response }) => {
        if (!response.ok) { said.warn(refusal(s, error, response.status)); return }
        void load().then(() => { said.say(a.revoked(key.name)) })
      })
    })
    return button
  }

  async function load (): Promise<void> {
    const { data } = await api.GET('/v1/admin/api-keys').catch(() => ({ data: undefined }))
    if (!data) { said.warn(s.loadFailed); return }
    list.replaceChildren(dataTable(a.keysHeading, [a.name, a.role, a.sites, a.prefix, a.created, a.lastUsed, a.state, a.actions], data.items.map((key) => [
      key.id === me.id ? `${key.name} (${a.thisKey})` : key.name, a.roles[key.role] ?? key.role,
      key.role === 'admin' ? s.allSites : key.sites.join(', '), h('code', {}, key.prefix), dateTime(key.createdAt),
      key.lastUsedAt ? dateTime(key.lastUsedAt) : a.never, key.revokedAt ? a.revokedAt(dateTime(key.revokedAt)) : a.active,
      revokeButton(key),
    ]), 'keys'))
  }
  void load()
  return h('section', { class: 'panel-part', 'aria-labelledby': 'keys-heading' },
    h('h3', { id: 'keys-heading' }, a.keysHeading), form, once, said.element, list)
}
