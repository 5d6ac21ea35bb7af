// Research test data (the research API and the console's research view): stories written straight to the database (any status, date, consent), fast.
import type { Db } from '../../src/db/client.js'
import type { StoryStatus, Verdict } from '../../src/generated/prisma/enums.js'

export interface StorySpec {
  status?: StoryStatus
  verdict?: Verdict | null
  createdAt?: string
  consentResearch?: boolean
  categories?: string[]
  title?: string
  body?: string
  authorName?: string | null
  authorEmail?: string | null
}

export async function insertStories (db: Db, site: { id: string }, topic: { id: string }, count: number, spec: StorySpec = {}): Promise<void> {
  const categories = spec.categories ?? []
  const createdAt = new Date(spec.createdAt ?? '2024-01-15T12:00:00Z')
  const status = spec.status ?? 'approved'
  await db.story.createMany({
    data: Array.from({ length: count }, () => ({
      siteId: site.id,
      topicId: topic.id,
      title: spec.title ?? 'It helped',
      body: spec.body ?? 'Some sessions, some relief.',
      authorName: spec.authorName ?? null,
      authorEmail: spec.authorEmail ?? null,
      verdict: spec.verdict === undefined ? 'effective' : spec.verdict,
      consentPublish: true,
      consentResearch: spec.consentResearch ?? true,
      status,
      triageLevel: categories.includes('self_harm') ? 'critical' as const : categories.length > 0 ? 'high' as const : 'normal' as const,
      triageCategories: categories,
      manageTokenHash: 'x',
      createdAt,
      publishedAt: status === 'approved' ? createdAt : null,
    })),
  })
}
