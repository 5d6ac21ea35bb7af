// The site admin view (admin keys): pick a site to edit its settings, topics and webhooks; manage API keys.
import { h } from '../../browser/dom.js'
import type { Site } from './api.js'
import { keysSection } from './admin-keys.js'
import { siteForm, topicsSection } from './admin-site.js'
import { webhooksSection } from './admin-webhooks.js'
import type { ConsoleContext } from './context.js'
import { labelled, select } from './fields.js'

export function adminView (ctx: ConsoleContext): HTMLElement {
  const { api, s } = ctx
  const a = s.admin
  const siteParts = h('div', {})
  const picker = h('div', {})
  const keys = h('div', {})
  let sites: Site[] = []

  function showSite (slug: string): void {
    const site = sites.find((x) => x.slug === slug)
    if (!site) { siteParts.replaceChildren(); return }
    siteParts.replaceChildren(
      siteForm(ctx, site, (saved) => { sites = sites.map((x) => (x.slug === saved.slug ? saved : x)) }),
      topicsSection(ctx, site.slug), webhooksSection(ctx, site.slug))
  }

  void api.GET('/v1/admin/sites').then(({ data }) => {
    sites = data?.items ?? []
    const choice = select('site', Object.fromEntries(sites.map((x) => [x.slug, `${x.name} (${x.slug})`])))
    choice.addEventListener('change', () => { showSite(choice.value) })
    picker.replaceChildren(labelled(a.chooseSite, choice))
    showSite(choice.value)
    keys.replaceChildren(keysSection(ctx, sites.map((x) => x.slug)))
  }).catch(() => { siteParts.replaceChildren(h('p', { class: 'alert', role: 'alert' }, s.loadFailed)) })

  return h('section', { class: 'admin panel', 'aria-labelledby': 'admin-heading' },
    h('h2', { id: 'admin-heading' }, a.heading),
    h('section', { class: 'panel-part', 'aria-labelledby': 'sites-heading' }, h('h3', { id: 'sites-heading' }, a.sitesHeading), picker, siteParts),
    keys)
}
