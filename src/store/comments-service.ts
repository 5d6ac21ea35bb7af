// Readers' comments: the approved ones under a story, and everything a story's author can do, for
// a comment's author (a comment is a `stories` row with a parent, submitted through the same pipeline).
import { commentableStory, listComments } from '../comments/comments.js'
import type { Schemas } from '../contract/types.js'
import type { ServiceContext } from './context.js'
import { itemActions } from './item-actions.js'

export function commentsService (context: ServiceContext) {
  const { db } = context
  const actions = itemActions(context, 'comment')
  return {
    ...actions,
    list: async (storyId: string, opts: { limit: number, cursor?: string | undefined }) => await listComments(db, storyId, opts),
    submit: async (storyId: string, form: Schemas['CommentSubmission'], clientHash: string) =>
      await actions.receive(form, async () => {
        const story = await commentableStory(db, storyId)
        return { ...form, title: '', topic: story.topic, parentId: story.id }
      }, clientHash),
  }
}
