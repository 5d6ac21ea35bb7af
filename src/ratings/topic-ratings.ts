// The public effective/ineffective tally of a topic, over approved stories only. Read in O(1) from
// topic_counts, which a trigger keeps in step with every status change (see the performance migration).
import type { Db } from '../db/client.js'
import { wilsonInterval } from './wilson.js'

const round = (x: number): number => Math.round(x * 10_000) / 10_000

export async function topicRatings (db: Db, topicId: string) {
  const rows = await db.topicCount.findMany({ where: { topicId }, select: { verdict: true, count: true } })
  const count = (verdict: string): number => rows.find((r) => r.verdict === verdict)?.count ?? 0
  const effective = count('effective')
  const ineffective = count('ineffective')
  const unrated = count('unrated')
  const rated = effective + ineffective
  const ci = wilsonInterval(effective, rated)
  return {
    effective,
    ineffective,
    unrated,
    total: rated + unrated,
    effectiveShare: rated === 0 ? null : round(effective / rated),
    ci95: ci && { lower: round(ci.lower), upper: round(ci.upper) },
  }
}

/** The same tally counted from the stories table: the reference the counters are checked against. */
export async function recountTopicRatings (db: Db, topicId: string) {
  const groups = await db.story.groupBy({ by: ['verdict'], where: { topicId, status: 'approved' }, _count: { _all: true } })
  const count = (verdict: string | null): number => groups.find((g) => g.verdict === verdict)?._count._all ?? 0
  return { effective: count('effective'), ineffective: count('ineffective'), unrated: count(null) }
}
