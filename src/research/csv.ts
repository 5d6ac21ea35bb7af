// CSV renderings of research data (csv-stringify, RFC 4180, header line first).
import { stringify } from 'csv-stringify/sync'
import type { ResearchRatings } from './ratings.js'

export const ratingsColumns = ['periodStart', 'periodEnd', 'n', 'effective', 'ineffective', 'unrated', 'effectiveShare', 'ciMethod', 'ciLevel', 'ciLower', 'ciUpper', 'suppressed'] as const

/**
 * A text cell a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP advises for CSV injection: "=HYPERLINK(…)" opens as
 * text. Numbers are cast separately and keep their sign. NDJSON keeps the text as written.
 */
export function neutraliseFormula (value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** csv-stringify's cast options for every CSV Candor writes. */
export const csvCast = { boolean: (b: boolean) => String(b), string: neutraliseFormula }

export function ratingsCsv (ratings: ResearchRatings): string {
  const records = ratings.rows.map((r) => [r.periodStart, r.periodEnd, r.n, r.effective, r.ineffective, r.unrated, r.effectiveShare, r.ci.method, r.ci.level, r.ci.lower, r.ci.upper, r.suppressed])
  return stringify(records, { header: true, columns: [...ratingsColumns], cast: csvCast })
}
