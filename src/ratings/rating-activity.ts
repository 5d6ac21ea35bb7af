// What moderators see of reader ratings being gamed: per story, the ratings given or changed in a
// window, from how many networks, how many raters had changed their minds, and how far the window's
// average swings from the story's earlier one. The thresholds are named in the contract.
import type { Db } from '../db/client.js'
import { Prisma } from '../generated/prisma/client.js'
import { siteIdsInScope, type Principal } from '../keys/api-keys.js'
import { readerRatingOf } from './reader-rating.js'

export type RatingSignal = 'burst' | 'few_networks' | 'churn' | 'swing'

interface ActivityRow {
  storyId: string, site: string, topic: string, title: string, ratingCount: number, ratingSum: number
  ratings: number, networks: number, changedRaters: number, average: number, earlierAverage: number | null
  signals: RatingSignal[]
}

export interface ActivityQuery {
  site?: string | undefined
  hours: number
  flagged: boolean
  limit: number
}

const round2 = (x: number | null): number | null => x === null ? null : Math.round(x * 100) / 100

export async function ratingActivity (db: Db, principal: Principal, q: ActivityQuery) {
  const siteIds = await siteIdsInScope(db, principal, q.site)
  const rows = await db.$queryRaw<ActivityRow[]>`
    WITH recent AS (
      SELECT r.story_id, count(*)::int AS ratings, count(DISTINCT r.network_hash)::int AS networks,
             count(*) FILTER (WHERE r.changes > 0)::int AS changed_raters, sum(r.stars)::int AS stars_sum
      FROM reader_ratings r JOIN stories s ON s.id = r.story_id
      WHERE r.updated_at > now() - make_interval(hours => ${q.hours})
        ${siteIds === 'all' ? Prisma.empty : Prisma.sql`AND s.site_id = ANY(${siteIds}::uuid[])`}
      GROUP BY r.story_id
    ), measured AS (
      SELECT recent.*, recent.stars_sum::float8 / recent.ratings AS average,
             (s.rating_sum - recent.stars_sum)::float8 / NULLIF(s.rating_count - recent.ratings, 0) AS earlier_average,
             s.rating_count, s.rating_sum, s.title, si.slug AS site, t.slug AS topic
      FROM recent JOIN stories s ON s.id = recent.story_id JOIN sites si ON si.id = s.site_id JOIN topics t ON t.id = s.topic_id
    ), signalled AS (
      SELECT measured.*, array_remove(ARRAY[
               CASE WHEN ratings >= 10 AND ratings * 2 >= rating_count THEN 'burst' END,
               CASE WHEN ratings >= 5 AND networks * 3 <= ratings THEN 'few_networks' END,
               CASE WHEN changed_raters >= 3 THEN 'churn' END,
               CASE WHEN abs(average - earlier_average) >= 1.5 THEN 'swing' END], NULL) AS signals
      FROM measured
    )
    SELECT story_id AS "storyId", site, topic, title, rating_count AS "ratingCount", rating_sum AS "ratingSum",
           ratings, networks, changed_raters AS "changedRaters", average, earlier_average AS "earlierAverage", signals
    FROM signalled
    ${q.flagged ? Prisma.sql`WHERE cardinality(signals) > 0` : Prisma.empty}
    ORDER BY ratings DESC, story_id
    LIMIT ${q.limit}`
  return {
    windowHours: q.hours,
    items: rows.map((r) => ({
      storyId: r.storyId,
      site: r.site,
      topic: r.topic,
      title: r.title,
      readerRating: readerRatingOf(r),
      window: {
        ratings: r.ratings,
        networks: r.networks,
        changedRaters: r.changedRaters,
        average: round2(r.average),
        earlierAverage: round2(r.earlierAverage),
      },
      signals: r.signals,
    })),
  }
}
