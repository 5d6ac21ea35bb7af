// A story's reader rating: the average and count, and five star buttons to rate it (a repeat replaces the earlier rating).
import { asProblem, type ApiClient, type Schemas } from './client.js'
import { h } from '../../browser/dom.js'
import { format, type Strings } from './strings.js'

type Rating = Schemas['ReaderRating']

export function readerRating (api: ApiClient, story: Schemas['PublicStory'], s: Strings, locale: string | undefined): HTMLElement {
  const summary = h('p', { class: 'rating-summary' })
  const status = h('p', { class: 'muted', role: 'status' })
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const show = (r: Rating): void => {
    summary.replaceChildren(h('span', { class: 'sr' }, s.ratingLabel, ' '), r.average === null || r.count === 0
      ? s.ratingNone
      : h('span', {}, h('span', { 'aria-hidden': 'true' }, '★ '), format(r.count === 1 ? s.ratingOne : s.ratingMany, { average: number.format(r.average), count: r.count })))
  }
  show(story.readerRating)

  // Buttons rather than a radio group: arrow keys in a radio group would send a rating per step.
  const buttons = [1, 2, 3, 4, 5].map((stars) => h('button', { type: 'button', 'aria-label': format(s.rateStars, { stars }), 'aria-pressed': 'false', 'data-stars': String(stars) }, '★'))
  const group = h('div', { class: 'stars', role: 'group', 'aria-label': s.rateGroup }, ...buttons)
  group.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button')
    const stars = Number(button?.dataset.stars)
    if (!stars || buttons.some((b) => b.disabled)) return
    for (const b of buttons) b.disabled = true
    status.className = 'muted'
    status.textContent = ''
    api.POST('/v1/stories/{id}/ratings', { params: { path: { id: story.id } }, body: { stars } })
      .then(({ data, error, response }) => {
        if (!data) throw asProblem(error, response.status)
        show(data.readerRating)
        for (const [i, b] of buttons.entries()) {
          b.classList.toggle('on', i < data.stars)
          b.setAttribute('aria-pressed', String(i + 1 === data.stars))
        }
        status.textContent = format(data.stars === 1 ? s.rateThanksOne : s.rateThanks, { stars: data.stars })
      })
      .catch((problem: unknown) => {
        status.className = 'error'
        status.textContent = (problem as { detail?: string }).detail ?? s.rateFailed
      })
      .finally(() => { for (const b of buttons) b.disabled = false })
  })
  return h('div', { class: 'rating' }, summary, group, status)
}
