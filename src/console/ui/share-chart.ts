// The effective share over time drawn with uPlot: a line with its 95% interval as a band, y from 0 to 100%.
// uPlot styles its elements through the CSSOM (allowed by style-src 'self'); its stylesheet is bundled.
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { h } from '../../browser/dom.js'
import type { ResearchRow } from './api.js'
import { chartSeries } from './research-data.js'
import type { Strings } from './strings.js'

const accent = '#1d4ed8'

/** Each period's interval as a whisker, so a period between two gaps (suppressed or empty) still shows its interval. */
function whiskers (u: uPlot): void {
  const [xs, , lower, upper] = u.data as unknown as ReturnType<typeof chartSeries>
  const { ctx } = u
  const cap = 4 * devicePixelRatio
  ctx.save()
  ctx.strokeStyle = 'rgba(29, 78, 216, 0.6)'
  ctx.lineWidth = devicePixelRatio
  xs.forEach((x, i) => {
    const lo = lower[i]
    const hi = upper[i]
    if (lo == null || hi == null) return
    const px = u.valToPos(x, 'x', true)
    const [y1, y2] = [u.valToPos(lo, 'y', true), u.valToPos(hi, 'y', true)]
    ctx.beginPath()
    ctx.moveTo(px, y1); ctx.lineTo(px, y2)
    ctx.moveTo(px - cap, y1); ctx.lineTo(px + cap, y1)
    ctx.moveTo(px - cap, y2); ctx.lineTo(px + cap, y2)
    ctx.stroke()
  })
  ctx.restore()
}

/** Some room either side of the first and last period, so their points and whiskers are not cut. */
const padded = (_u: uPlot, min: number, max: number): [number, number] => {
  const pad = Math.max((max - min) * 0.04, 86400 * 3)
  return [min - pad, max + pad]
}

/** A chart of `rows` (drawn once it is in the document, at the width it gets), described for screen readers. */
export function shareChart (s: Strings, rows: ResearchRow[]): { element: HTMLElement, draw: () => void, destroy: () => void } {
  const element = h('div', { class: 'chart', role: 'img', 'aria-label': s.research.chartLabel(rows.length) })
  let plot: uPlot | undefined
  const draw = (): void => {
    const width = Math.max(320, Math.min(1000, element.clientWidth || 720))
    const axis = { stroke: '#52606d', grid: { stroke: '#e4e7eb' }, ticks: { stroke: '#e4e7eb' } }
    const band = { label: s.research.band, stroke: 'rgba(29, 78, 216, 0.35)', width: 1, points: { show: false } }
    plot = new uPlot({
      width,
      height: 260,
      legend: { show: false },
      cursor: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true, range: padded }, y: { range: [0, 1] } },
      axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((v) => `${Math.round(v * 100)}%`) }],
      series: [{}, { label: s.research.share, stroke: accent, width: 2, points: { show: true, size: 7, fill: accent } }, band, band],
      bands: [{ series: [3, 2], fill: 'rgba(29, 78, 216, 0.15)' }],
      hooks: { draw: [whiskers] },
    }, chartSeries(rows), element)
  }
  // uPlot keeps a window listener per chart until destroyed.
  return { element, draw, destroy: () => { plot?.destroy(); plot = undefined } }
}
