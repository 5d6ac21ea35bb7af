// Re-triage stored items after a model change (`npm run cli -- triage rerun --status pending`): each
// item whose triage changes gets the new columns, a new version (so a moderator holding the old view
// sees 412 rather than deciding on stale triage) and a `retriaged` event in its audit trail saying
// from what to what. A level that visitors' harm reports raised is never lowered below `high`.
import { recordEvent } from '../audit/audit.js'
import type { Db } from '../db/client.js'
import type { StoryStatus } from '../generated/prisma/enums.js'
import { toColumns } from './stored.js'
import { triage } from './triage.js'
import type { Scorer } from './model/scorer.js'
import type { TriageLevel, TriageResult } from './types.js'

const PAGE = 200
const RANK: Record<TriageLevel, number> = { critical: 2, high: 1, normal: 0 }

export interface RerunSummary { examined: number, changed: number, byLevel: Record<string, number> }

const describe = (level: string, categories: string[]): string => `${level}${categories.length > 0 ? ` [${categories.join(', ')}]` : ''}`

export async function rerunTriage (db: Db, statuses: StoryStatus[], scorer?: Scorer): Promise<RerunSummary> {
  const summary: RerunSummary = { examined: 0, changed: 0, byLevel: {} }
  let after: string | undefined
  for (;;) {
    const page = await db.story.findMany({
      where: { status: { in: statuses }, ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, title: true, body: true, harmReports: true, triageLevel: true, triageCategories: true, triageModel: true },
    })
    if (page.length === 0) return summary
    for (const story of page) {
      summary.examined++
      const fresh: TriageResult = triage({ title: story.title, body: story.body }, scorer)
      if (story.harmReports > 0 && RANK[fresh.level] < RANK.high) fresh.level = 'high'
      const same = fresh.level === story.triageLevel && fresh.categories.join() === story.triageCategories.join() && fresh.model === story.triageModel
      if (same) continue
      summary.changed++
      const move = `${story.triageLevel} → ${fresh.level}`
      summary.byLevel[move] = (summary.byLevel[move] ?? 0) + 1
      await db.$transaction(async (tx) => {
        await tx.story.update({ where: { id: story.id }, data: { ...toColumns(fresh), version: { increment: 1 } } })
        await recordEvent(tx, {
          storyId: story.id,
          actor: 'system',
          action: 'retriaged',
          reason: `model ${story.triageModel} → ${fresh.model}`,
          note: `${describe(story.triageLevel, story.triageCategories)} → ${describe(fresh.level, fresh.categories)}`,
        })
      })
    }
    after = page[page.length - 1]?.id
  }
}
