// Stories and readers' comments are one kind of moderation item: a comment is a `stories` row with a
// parent. Everything that names an item to the outside (webhooks, the queue) says which it is here.
import type { WebhookEventName } from '../webhooks/events.js'

export type ItemKind = 'story' | 'comment'

interface Item { id: string, parentId: string | null }

export const kindOf = (item: Pick<Item, 'parentId'>): ItemKind => item.parentId === null ? 'story' : 'comment'

/** The ids a webhook payload carries: a comment also names the story it answers. */
export function eventSubject (item: Item) {
  return item.parentId === null
    ? { kind: 'story' as const, storyId: item.id }
    : { kind: 'comment' as const, commentId: item.id, storyId: item.parentId }
}

type ItemEvent = 'submitted' | 'triaged.critical' | 'triaged.high' | 'reported' | 'decided'

/** `story.decided` for a story, `comment.decided` for a comment. */
export const eventName = (item: Pick<Item, 'parentId'>, event: ItemEvent): WebhookEventName => `${kindOf(item)}.${event}`
