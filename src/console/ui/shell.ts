// The signed-in console: a header (who, the views the key's role can use, the open view's tools, sign out)
// and the open view. Views the key cannot use are not offered; the open one is named in the URL's fragment.
import { h } from '../../browser/dom.js'
import { adminView } from './admin.js'
import type { ConsoleContext } from './context.js'
import { moderationRoom, type Room } from './moderation-room.js'
import { researchView } from './research.js'
import { initialView, viewsFor, type View } from './views.js'

function open (ctx: ConsoleContext, view: View): Room {
  if (view === 'queue') return moderationRoom(ctx)
  if (view === 'research') return { ...researchView(ctx), tools: [] }
  return { element: adminView(ctx), tools: [], leave: () => undefined }
}

export function consoleShell (ctx: ConsoleContext, onSignOut: () => void): HTMLElement {
  const { s, me } = ctx
  const views = viewsFor(me.role)
  const main = h('main', {})
  const tools = h('div', { class: 'tools' })
  const tabs = new Map(views.map((v) => [v, h('button', { type: 'button', 'data-view': v }, s.views[v] ?? v)]))
  const nav = views.length > 1 ? h('nav', { 'aria-label': s.viewsLabel }, ...tabs.values()) : null
  let room: Room | null = null

  function show (view: View): void {
    room?.leave()
    room = open(ctx, view)
    main.replaceChildren(room.element)
    tools.replaceChildren(...room.tools)
    for (const [v, tab] of tabs) {
      if (v === view) tab.setAttribute('aria-current', 'page')
      else tab.removeAttribute('aria-current')
    }
    history.replaceState(null, '', `#${view}`)
  }
  for (const [v, tab] of tabs) tab.addEventListener('click', () => { show(v) })

  const signOut = h('button', { type: 'button' }, s.signOut)
  signOut.addEventListener('click', () => { room?.leave(); history.replaceState(null, '', location.pathname); onSignOut() })
  const header = h('header', { class: 'top' },
    h('h1', {}, s.appName),
    h('p', { class: 'who' }, s.signedInAs(me.name, me.role, me.allSites ? s.allSites : me.sites.join(', '))),
    nav, tools, signOut)
  queueMicrotask(() => { show(initialView(views, location.hash)) })
  return h('div', { class: 'shell' }, header, main)
}
