// The data dictionary of the research resources as a Frictionless Data Package with Table Schemas
// (v1 profiles: a missing value is declared in `missingValues`, never in an `enum`; Table Schema v1
// has no delimited-list type, so `;`-joined cells are strings whose `pattern` admits the whole list).
import { ratingsColumns } from './csv.js'
import { exportColumns } from './deidentify.js'
import { ratingsSchemaVersion } from './ratings.js'

interface Field {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'yearmonth'
  description: string
  computation?: string
  format?: string
  constraints?: { required?: boolean, minimum?: number, maximum?: number, enum?: string[], pattern?: string }
}

const count = (description: string, computation: string): Omit<Field, 'name'> => ({
  type: 'integer', description: `${description} Empty (null) when withheld as a small cell.`, computation, constraints: { minimum: 0 },
})
/** A `;`-joined list of items matching `item`, or an empty cell (missing value) for no item. */
const listOf = (item: string): string => `^${item}(;${item})*$`
const harmCategory = '(self_harm|abuse|trauma_response|physical_harm)'
const approvedIn = 'Stories with status approved, submitted (created_at, UTC) within the period and the filters'

const ratingsFields: Record<(typeof ratingsColumns)[number], Omit<Field, 'name'>> = {
  periodStart: { type: 'date', description: 'First day of the period (UTC). With interval none, the `from` filter (empty without one).', computation: "date_trunc(interval, created_at AT TIME ZONE 'UTC')" },
  periodEnd: { type: 'date', description: 'Last day of the period, inclusive.', computation: 'periodStart + 1 interval − 1 day' },
  n: count('Approved stories with a verdict.', `${approvedIn}, verdict effective or ineffective: effective + ineffective.`),
  effective: count('Approved stories whose author said it was effective.', `${approvedIn}, verdict effective.`),
  ineffective: count('Approved stories whose author said it was ineffective.', `${approvedIn}, verdict ineffective.`),
  unrated: count('Approved stories without a verdict (not in n).', `${approvedIn}, no verdict.`),
  effectiveShare: { type: 'number', description: 'Share of effective among approved stories with a verdict; not a share of everything submitted (see the denominators). Empty when n is 0 or a count is withheld.', computation: 'effective ÷ n, rounded to 4 decimals', constraints: { minimum: 0, maximum: 1 } },
  ciMethod: { type: 'string', description: 'Method of the interval.', constraints: { enum: ['wilson'] } },
  ciLevel: { type: 'number', description: 'Confidence level of the interval.', constraints: { enum: ['0.95'] } },
  ciLower: { type: 'number', description: 'Lower bound of the 95% interval of effectiveShare.', computation: 'Wilson score interval, z = 1.96, rounded to 4 decimals', constraints: { minimum: 0, maximum: 1 } },
  ciUpper: { type: 'number', description: 'Upper bound of the 95% interval of effectiveShare.', computation: 'Wilson score interval, z = 1.96, rounded to 4 decimals', constraints: { minimum: 0, maximum: 1 } },
  suppressed: { type: 'boolean', description: 'Some count of the row is withheld.', computation: 'primary: a count from 1 to k−1 (k = smallCellK of the sites, the largest when several, default 10); complementary: a second count withheld wherever a shown total would reveal a withheld one. Admin keys see every count.' },
}

const storyFields: Record<(typeof exportColumns)[number], Omit<Field, 'name'>> = {
  exportId: { type: 'string', description: 'Identifier of the story in exports: stable across exports, not the public story id.', computation: 'HMAC-SHA-256 of the story id with a per-installation key, first 24 hex digits', constraints: { required: true, pattern: '^[0-9a-f]{24}$' } },
  site: { type: 'string', description: 'Slug of the site the story was submitted to.', constraints: { required: true } },
  topic: { type: 'string', description: 'Slug of the topic (treatment or practice).', constraints: { required: true } },
  submittedMonth: { type: 'yearmonth', description: 'Month of submission (UTC), coarsened from the timestamp.', computation: "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM')", constraints: { required: true } },
  publishedMonth: { type: 'yearmonth', description: 'Month of approval (UTC).', computation: "to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM')" },
  verdict: { type: 'string', description: "The author's answer: did it work? Empty when they did not say.", constraints: { enum: ['effective', 'ineffective'] } },
  title: { type: 'string', description: 'Title as published, de-identified.', computation: "moderator redactions applied, then emails and phone numbers masked, then the author's name masked" },
  body: { type: 'string', description: 'Story text as published, de-identified.', computation: "moderator redactions applied, then emails and phone numbers masked, then the author's name masked" },
  triageLevel: { type: 'string', description: 'Harm triage level at submission: critical iff self-harm, high iff another harm category.', constraints: { required: true, enum: ['critical', 'high', 'normal'] } },
  triageCategories: { type: 'string', description: 'Harm categories triage found (self_harm, abuse, trauma_response, physical_harm), joined with ";"; empty when none. In NDJSON, a JSON array of the same items.', constraints: { pattern: listOf(harmCategory) } },
  contentWarnings: { type: 'string', description: 'Content warnings a moderator set (a harm category or a label of lower-case letters, digits and _), joined with ";"; empty when none. In NDJSON, a JSON array of the same items.', constraints: { pattern: listOf('[a-z0-9_]{1,40}') } },
  readerRatingCount: { type: 'integer', description: "Readers' ratings of how helpful the story was (1 to 5 stars), one per visitor.", constraints: { required: true, minimum: 0 } },
  readerRatingAverage: { type: 'number', description: 'Mean stars of those ratings, rounded to 2 decimals; empty when unrated.', constraints: { minimum: 1, maximum: 5 } },
}

const fields = <K extends string>(order: readonly K[], defs: Record<K, Omit<Field, 'name'>>): Field[] => order.map((name) => ({ name, ...defs[name] }))

export function researchDictionary () {
  return {
    profile: 'data-package',
    name: 'candor-research',
    schemaVersion: ratingsSchemaVersion,
    resources: [
      {
        name: 'ratings',
        path: '/v1/research/ratings?format=csv',
        description: 'Ratings of approved stories per period (rows of GET /v1/research/ratings). Stories are placed by submission date. The JSON response adds denominators per verdict (submitted, pending, approved, rejected, removed, withdrawn, and harm-triaged by category), suppressed the same way.',
        mediatype: 'text/csv',
        schema: { fields: fields(ratingsColumns, ratingsFields), missingValues: [''] },
      },
      {
        name: 'stories',
        path: '/v1/research/stories?format=csv',
        description: 'Approved stories whose authors consented to research use, de-identified (GET /v1/research/stories). No author name or email, no IP-derived value, dates to the month.',
        mediatype: 'text/csv',
        schema: { fields: fields(exportColumns, storyFields), missingValues: [''] },
      },
    ],
  }
}
