// Readers' helpfulness ratings of a story (1–5 stars): one per visitor, a repeat replaces it. The
// story's count, sum and helpful score are kept by a trigger (see the reader_responses migration).
import { publicPlace, type ItemChange } from '../changes/change.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'

export interface Rater {
  /** Keyed hash of the client. */
  clientHash: string
  /** Keyed hash of the client's network, for spotting bursts from few networks. */
  networkHash: string
}

/** The public summary: `count: 0` is "not rated yet". */
export function readerRatingOf (story: { ratingCount: number, ratingSum: number }) {
  const { ratingCount: count, ratingSum: sum } = story
  return { average: count === 0 ? null : Math.round((sum / count) * 100) / 100, count }
}

/** Records or replaces the visitor's rating of an approved story; `created` is false for a replacement. */
export async function rateStory (db: Db, storyId: string, rater: Rater, stars: number) {
  return await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ created: boolean }>>`
      INSERT INTO reader_ratings (story_id, rater_hash, network_hash, stars)
      SELECT id, ${rater.clientHash}, ${rater.networkHash}, ${stars} FROM stories
      WHERE id = ${storyId}::uuid AND status = 'approved' AND parent_id IS NULL
      ON CONFLICT (story_id, rater_hash) DO UPDATE SET
        stars = EXCLUDED.stars,
        network_hash = EXCLUDED.network_hash,
        changes = reader_ratings.changes + (reader_ratings.stars <> EXCLUDED.stars)::int,
        updated_at = CASE WHEN reader_ratings.stars <> EXCLUDED.stars THEN now() ELSE reader_ratings.updated_at END
      RETURNING xmax = 0 AS created`
    if (!row) throw errors.storyNotFound()
    const story = await tx.story.findUniqueOrThrow({
      where: { id: storyId },
      select: { ratingCount: true, ratingSum: true, site: { select: { slug: true } }, topic: { select: { slug: true } } },
    })
    const change: ItemChange = { area: 'item', what: 'rated', id: storyId, publicAt: publicPlace({ ...story, id: storyId, parentId: null }), events: false }
    return { created: row.created, stars, readerRating: readerRatingOf(story), change }
  })
}
