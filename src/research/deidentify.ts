// De-identification of one exported story: public text (redactions, contact details masked) with the
// author's name masked too, dates already coarsened to the month by the query, and a keyed export id.
import { createHmac } from 'node:crypto'
import { publicText } from '../privacy/public-text.js'
import { readerRatingOf } from '../ratings/reader-rating.js'

export interface ExportSourceRow {
  id: string
  site: string
  topic: string
  submitted_month: string
  published_month: string | null
  verdict: 'effective' | 'ineffective' | null
  title: string
  body: string
  redactions: unknown
  author_name: string | null
  triage_level: string
  triage_categories: string[] | null
  content_warnings: string[] | null
  rating_count: number
  rating_sum: number
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Masks the author's full name and each part of it (3+ letters) where it appears as a whole word. */
export function maskName (text: string, name: string | null): string {
  if (!name) return text
  const parts = [name.trim(), ...name.split(/\s+/)].filter((p) => p.length >= 3).sort((a, b) => b.length - a.length)
  if (parts.length === 0) return text
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  return text.replace(pattern, '[name removed]')
}

export const exportIdOf = (key: Buffer, storyId: string): string => createHmac('sha256', key).update(storyId).digest('hex').slice(0, 24)

export function deidentify (row: ExportSourceRow, key: Buffer) {
  const readerRating = readerRatingOf({ ratingCount: row.rating_count, ratingSum: row.rating_sum })
  return {
    exportId: exportIdOf(key, row.id),
    site: row.site,
    topic: row.topic,
    submittedMonth: row.submitted_month,
    publishedMonth: row.published_month,
    verdict: row.verdict,
    title: maskName(publicText(row.title, 'title', row.redactions), row.author_name),
    body: maskName(publicText(row.body, 'body', row.redactions), row.author_name),
    triageLevel: row.triage_level,
    triageCategories: row.triage_categories ?? [],
    contentWarnings: row.content_warnings ?? [],
    readerRatingCount: readerRating.count,
    readerRatingAverage: readerRating.average,
  }
}

export type ExportRow = ReturnType<typeof deidentify>
export const exportColumns: (keyof ExportRow)[] = ['exportId', 'site', 'topic', 'submittedMonth', 'publishedMonth', 'verdict', 'title', 'body', 'triageLevel', 'triageCategories', 'contentWarnings', 'readerRatingCount', 'readerRatingAverage']
