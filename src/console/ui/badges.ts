// Small labelled pieces shared by the queue rows and the item: level, categories, kind.
import { h } from '../../browser/dom.js'
import type { Strings } from './strings.js'

export const levelBadge = (s: Strings, level: string): HTMLElement =>
  h('span', { class: `badge level level-${level}` }, s.levels[level] ?? level)

export const categoryChips = (s: Strings, categories: readonly string[]): HTMLElement[] =>
  categories.map((c) => h('span', { class: `chip cat-${c}` }, s.categories[c] ?? c))

export const kindBadge = (s: Strings, kind: string): HTMLElement => h('span', { class: 'badge kind' }, s.kinds[kind] ?? kind)
