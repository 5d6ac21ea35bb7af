// <candor-stories site topic api>: a standards custom element in shadow DOM showing the tally, stories (with ratings and comments),
// the author's own stories remembered on this device, and the form.
import { apiClient } from './client.js'
import { h } from '../../browser/dom.js'
import { deviceMemory } from './device-memory.js'
import { storyForm } from './story-form.js'
import { renderTally, storyList } from './stories.js'
import { applyStyles } from './styles.js'
import { mergeStrings, parseStringsAttribute, type Strings } from './strings.js'
import { yourStories } from './your-stories.js'

export class CandorStories extends HTMLElement {
  static readonly observedAttributes = ['site', 'topic', 'api', 'page-size', 'data-strings', 'lang']
  /** Where the API is when no `api` attribute is given: the origin the script was loaded from. */
  static defaultApi = typeof location === 'undefined' ? '' : location.origin

  private readonly root: ShadowRoot
  private overrides: Partial<Record<string, string>> | null = null
  private generation = 0

  constructor () {
    super()
    this.root = this.attachShadow({ mode: 'open' })
    applyStyles(this.root)
  }

  /** Text overrides (merged over the defaults and any `data-strings` JSON); setting it re-renders. */
  get strings (): Strings {
    return mergeStrings(parseStringsAttribute(this.getAttribute('data-strings')), this.overrides)
  }

  set strings (value: Partial<Record<string, string>> | null) {
    this.overrides = value
    this.schedule()
  }

  connectedCallback (): void { this.schedule() }

  attributeChangedCallback (_name: string, old: string | null, value: string | null): void {
    if (old !== value) this.schedule()
  }

  private pending = false
  /** Coalesces attribute changes (an upgrade reports every attribute) into one render while connected. */
  private schedule (): void {
    if (this.pending) return
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      if (this.isConnected) this.render()
    })
  }

  private render (): void {
    const generation = ++this.generation
    const s = this.strings
    const site = this.getAttribute('site') ?? ''
    const topic = this.getAttribute('topic') ?? ''
    const apiOrigin = this.getAttribute('api') || CandorStories.defaultApi
    const api = apiClient(apiOrigin)
    const pageSize = Math.min(100, Math.max(1, Number.parseInt(this.getAttribute('page-size') ?? '', 10) || 5))
    const locale = (this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang) || undefined

    const status = h('p', { class: 'muted', role: 'status' }, s.loading)
    const heading = h('div', { class: 'topic' })
    const tally = h('div')
    const list = storyList({ api, site, topic, pageSize, strings: s, locale })
    const memory = deviceMemory(apiOrigin, site)
    const yours = memory ? yourStories({ api, memory, strings: s, locale }) : undefined
    const remember = memory && yours
      ? (story: { id: string, token: string, title: string }) => {
          try { memory.add({ ...story, savedAt: new Date().toISOString() }) } catch { return false } // storage full or refused
          void yours.refresh()
          return true
        }
      : undefined
    const form = storyForm({ api, site, topic, strings: s, ...(remember ? { remember } : {}) })
    this.root.replaceChildren(h('div', { class: 'candor', part: 'container' }, status, heading, tally))
    const stale = (): boolean => generation !== this.generation

    const path = { params: { path: { site, topic } } }
    Promise.all([api.GET('/v1/sites/{site}/topics/{topic}', path), api.GET('/v1/sites/{site}/topics/{topic}/ratings', path), list.load(), yours?.refresh()])
      .then(([t, r]) => {
        if (stale()) return
        if (!t.data || !r.data) throw new Error('topic or ratings not found')
        status.remove()
        heading.append(h('p', { class: 'question' }, h('strong', {}, t.data.question)))
        tally.replaceWith(renderTally(r.data, s))
        this.root.firstElementChild?.append(list.section, ...(yours ? [yours.section] : []), form)
        this.dispatchEvent(new CustomEvent('candor-ready', { bubbles: true, composed: true }))
      })
      .catch(() => {
        if (stale()) return
        status.textContent = s.loadFailed
        status.className = 'error'
      })
  }
}
