// CSV renderings of research data (csv-stringify, RFC 4180, header line first).
import { stringify } from 'csv-stringify/sync'
import type { ResearchRatings } from './ratings.js'

export const ratingsColumns = ['periodStart', 'periodEnd', 'n', 'effective', 'ineffective', 'unrated', 'effectiveShare', 'ciMethod', 'ciLevel', 'ciLower', 'ciUpper', 'suppressed'] as const

export function ratingsCsv (ratings: ResearchRatings): string {
  const records = ratings.rows.map((r) => [r.periodStart, r.periodEnd, r.n, r.effective, r.ineffective, r.unrated, r.effectiveShare, r.ci.method, r.ci.level, r.ci.lower, r.ci.upper, r.suppressed])
  return stringify(records, { header: true, columns: [...ratingsColumns], cast: { boolean: (b) => String(b) } })
}
