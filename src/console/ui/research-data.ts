// The research view's pure pieces: counts that may be suppressed, shares as percentages, rows as chart series.
import type { ResearchRow } from './api.js'

export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`

/** A row's share and interval as text; null share reads "suppressed" when a count of the row is withheld, "–" when n is 0. */
export function shareText (row: ResearchRow, suppressed: string): { share: string, interval: string } {
  if (row.effectiveShare === null || row.ci.lower === null || row.ci.upper === null) {
    const none = row.suppressed ? suppressed : '–'
    return { share: none, interval: none }
  }
  return { share: percent(row.effectiveShare), interval: `${percent(row.ci.lower)} – ${percent(row.ci.upper)}` }
}

/** The period a row covers, as its first day (and last day when they differ). */
export function periodText (row: ResearchRow): string {
  if (row.periodStart === null) return '–'
  return row.periodEnd && row.periodEnd !== row.periodStart ? `${row.periodStart} – ${row.periodEnd}` : row.periodStart
}

/** uPlot's columns: x (UTC seconds of the period's first day), share, lower, upper; null leaves a gap. */
export function chartSeries (rows: ResearchRow[]): [number[], Array<number | null>, Array<number | null>, Array<number | null>] {
  const dated = rows.filter((r) => r.periodStart !== null)
  return [
    dated.map((r) => Date.parse(`${r.periodStart}T00:00:00Z`) / 1000),
    dated.map((r) => r.effectiveShare),
    dated.map((r) => r.ci.lower),
    dated.map((r) => r.ci.upper),
  ]
}

/** The file name a download response names (Content-Disposition), or the fallback. */
export function attachmentName (disposition: string | null, fallback: string): string {
  return /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback
}
