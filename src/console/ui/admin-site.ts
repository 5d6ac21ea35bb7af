// Site admin: one site's settings (name, allowed origins, review targets, support message, crisis resources)
// saved with updateSite, and its topics (listed publicly; created and edited with createTopic and updateTopic).
import { h } from '../../browser/dom.js'
import type { Site, Topic } from './api.js'
import type { ConsoleContext } from './context.js'
import { dataTable, labelled, outcome, refusal } from './fields.js'

type Settings = Site['settings']
type CrisisResource = NonNullable<Settings['crisisResources']>[number]
const levels = ['critical', 'high', 'normal'] as const

function resourceRows (ctx: ConsoleContext, initial: CrisisResource[]): { element: HTMLElement, value: () => CrisisResource[] } {
  const a = ctx.s.admin
  const rows = h('div', { class: 'stack' })
  const add = (r: CrisisResource = { name: '', contact: '' }): void => {
    const n = rows.children.length + 1
    const name = h('input', { name: 'resource-name', value: r.name, maxlength: '120' })
    const contact = h('input', { name: 'resource-contact', value: r.contact, maxlength: '200' })
    const remove = h('button', { type: 'button', 'aria-label': a.removeResource(n) }, '×')
    const row = h('div', { class: 'resource' }, labelled(`${a.resourceName} ${n}`, name), labelled(`${a.resourceContact} ${n}`, contact), remove)
    remove.addEventListener('click', () => { row.remove() })
    rows.append(row)
  }
  initial.forEach(add)
  const more = h('button', { type: 'button' }, a.addResource)
  more.addEventListener('click', () => { add(); rows.querySelector<HTMLInputElement>('.resource:last-child input')?.focus() })
  return {
    element: h('fieldset', {}, h('legend', {}, a.crisisResources), rows, more),
    value: () => [...rows.querySelectorAll('.resource')].map((row) => {
      const [name, contact] = [...row.querySelectorAll('input')].map((i) => i.value.trim())
      return { name: name ?? '', contact: contact ?? '' }
    }).filter((r) => r.name || r.contact),
  }
}

export function siteForm (ctx: ConsoleContext, site: Site, onSaved: (site: Site) => void): HTMLElement {
  const { api, s } = ctx
  const a = s.admin
  const said = outcome()
  let current = site
  const name = h('input', { name: 'name', value: site.name, required: true, maxlength: '200' })
  const origins = h('textarea', { name: 'origins', rows: '3' })
  origins.value = site.allowedOrigins.join('\n')
  const targets = levels.map((level) => h('input', { type: 'number', name: `target-${level}`, min: '1', max: '100000', required: true, value: String(site.settings.reviewTargetsMinutes?.[level] ?? '') }))
  const message = h('textarea', { name: 'support-message', rows: '2', maxlength: '1000' })
  message.value = site.settings.supportMessage ?? ''
  const resources = resourceRows(ctx, site.settings.crisisResources ?? [])
  const form = h('form', { class: 'stack', 'aria-label': `${a.site} ${site.slug}` },
    labelled(a.name, name), labelled(a.origins, origins),
    h('fieldset', { class: 'form-grid' }, h('legend', {}, a.reviewTargets), ...targets.map((input, i) => labelled(s.levels[levels[i]!] ?? levels[i]!, input))),
    labelled(a.supportMessage, message), resources.element,
    h('div', {}, h('button', { type: 'submit', class: 'primary' }, a.saveSite)), said.element)

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    // Only what changed is sent, so defaults shown in the form are not written into the site. smallCellK is
    // always sent: the contract's default would otherwise reset it to 10 on any settings change.
    const edited: Partial<Settings> = {
      reviewTargetsMinutes: { critical: Number(targets[0]!.value), high: Number(targets[1]!.value), normal: Number(targets[2]!.value) },
      crisisResources: resources.value(),
      ...(message.value.trim() ? { supportMessage: message.value.trim() } : {}),
    }
    const before = (field: string, value: unknown): unknown => current.settings[field as keyof Settings] ?? (Array.isArray(value) ? [] : undefined)
    const changed = Object.entries(edited).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before(field, value)))
    const settings: Settings = { smallCellK: current.settings.smallCellK, ...Object.fromEntries(changed) }
    const allowedOrigins = origins.value.split('\n').map((o) => o.trim()).filter(Boolean)
    void api.PATCH('/v1/admin/sites/{site}', { params: { path: { site: site.slug } }, body: { name: name.value.trim(), allowedOrigins, ...(changed.length > 0 ? { settings } : {}) } })
      .then(({ data, error, response }) => {
        if (!data) { said.warn(refusal(s, error, response.status)); return }
        current = data
        said.say(a.siteSaved)
        onSaved(data)
      })
  })
  return form
}

export function topicsSection (ctx: ConsoleContext, site: string): HTMLElement {
  const { api, s } = ctx
  const a = s.admin
  const said = outcome()
  const list = h('div', {})
  const input = (nameAttr: string, label: string, value = '', max = '200'): HTMLInputElement =>
    h('input', { name: nameAttr, value, 'aria-label': label, required: true, maxlength: max })

  function row (topic: Topic): Array<string | Node> {
    const title = input('title', `${a.title}: ${topic.slug}`, topic.title)
    const question = input('question', `${a.question}: ${topic.slug}`, topic.question, '500')
    const save = h('button', { type: 'button' }, a.saveTopic)
    save.addEventListener('click', () => {
      void api.PATCH('/v1/admin/sites/{site}/topics/{topic}', { params: { path: { site, topic: topic.slug } }, body: { title: title.value.trim(), question: question.value.trim() } })
        .then(({ data, error, response }) => { if (data) said.say(a.topicSaved(data.slug)); else said.warn(refusal(s, error, response.status)) })
    })
    return [h('code', {}, topic.slug), title, question, save]
  }

  async function load (): Promise<void> {
    const { data } = await api.GET('/v1/sites/{site}/topics', { params: { path: { site } } }).catch(() => ({ data: undefined }))
    if (!data) { said.warn(s.loadFailed); return }
    list.replaceChildren(data.items.length === 0 ? h('p', { class: 'muted' }, a.noTopics) : dataTable(a.topicsHeading, [a.slug, a.title, a.question, a.actions], data.items.map(row), 'topics'))
  }

  const slug = h('input', { name: 'slug', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: '64' })
  const title = h('input', { name: 'title', required: true, maxlength: '200' })
  const question = h('input', { name: 'question', required: true, maxlength: '500' })
  const create = h('form', { class: 'form-grid', 'aria-labelledby': 'new-topic-heading' },
    h('h4', { id: 'new-topic-heading' }, a.newTopic), labelled(a.slug, slug), labelled(a.title, title), labelled(a.question, question),
    h('button', { type: 'submit' }, a.createTopic))
  create.addEventListener('submit', (e) => {
    e.preventDefault()
    void api.POST('/v1/admin/sites/{site}/topics', { params: { path: { site } }, body: { slug: slug.value.trim(), title: title.value.trim(), question: question.value.trim() } })
      .then(({ data, error, response }) => {
        if (!data) { said.warn(refusal(s, error, response.status)); return }
        said.say(a.topicSaved(data.slug))
        create.reset()
        void load()
      })
  })
  void load()
  return h('section', { class: 'panel-part', 'aria-labelledby': 'topics-heading' }, h('h4', { id: 'topics-heading' }, a.topicsHeading), list, create, said.element)
}
