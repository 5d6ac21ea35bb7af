// Stories, public side: the approved list and a story (prepared statements on the pg pool, see
// pools.ts), a topic's tally, submission, reports, withdrawal, the author's view and edit, readers'
// ratings, and an admin's erasure on the author's request.
import type { Schemas } from '../contract/types.js'
import { rateStory, type Rater } from '../ratings/reader-rating.js'
import { topicRatings } from '../ratings/topic-ratings.js'
import { getPublicStory, listPublicStories, type ListOptions } from '../stories/public-stories.js'
import type { TopicRef } from '../items/submit.js'
import { eraseOnRequest } from '../items/withdraw.js'
import type { ServiceContext } from './context.js'
import { itemActions } from './item-actions.js'

export function storiesService (context: ServiceContext) {
  const { db, pool, committed } = context
  const actions = itemActions(context, 'story')
  return {
    ...actions,
    list: async (topicId: string, opts: ListOptions) => await listPublicStories(pool, topicId, opts),
    get: async (id: string) => await getPublicStory(pool, id),
    tally: async (topicId: string) => await topicRatings(db, topicId),
    submit: async (topic: TopicRef, form: Schemas['StorySubmission'], clientHash: string) =>
      await actions.receive(form, async () => ({ ...form, topic }), clientHash),
    rate: async (id: string, rater: Rater, stars: number) => {
      const { change, ...receipt } = await rateStory(db, id, rater, stars)
      committed(change)
      return receipt
    },
    erase: async (id: string, adminKeyId: string) => { committed(await eraseOnRequest(db, id, adminKeyId)) },
  }
}
