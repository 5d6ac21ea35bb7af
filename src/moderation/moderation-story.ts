// Loading a story for a moderator (checking the key covers its site) and the view they get, with its ETag.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { coversSite, type Principal } from '../keys/api-keys.js'
import type { Evidence, HarmCategory } from '../triage/types.js'

export const moderationInclude = { site: { select: { slug: true } }, topic: { select: { slug: true } } } as const

export async function loadForModerator (db: Db, principal: Principal, id: string) {
  const story = await db.story.findUnique({ where: { id }, include: moderationInclude })
  if (!story) throw errors.storyNotFound()
  if (!coversSite(principal, story.siteId)) throw errors.siteNotCovered(story.site.slug)
  return story
}

export type ModerationRecord = Awaited<ReturnType<typeof loadForModerator>>

export const etagFor = (story: { version: number }): string => `"v${story.version}"`

/** True when an If-Match header names this version (or is `*`). */
export function ifMatchAccepts (header: string, story: { version: number }): boolean {
  const etag = etagFor(story)
  return header.split(',').some((tag) => tag.trim() === '*' || tag.trim() === etag)
}

export function toModerationStory (story: ModerationRecord) {
  return {
    id: story.id,
    site: story.site.slug,
    topic: story.topic.slug,
    title: story.title,
    body: story.body,
    authorName: story.authorName,
    authorEmail: story.authorEmail,
    verdict: story.verdict,
    consent: { publish: story.consentPublish, research: story.consentResearch },
    status: story.status,
    triage: {
      level: story.triageLevel,
      categories: story.triageCategories as HarmCategory[],
      evidence: story.triageEvidence as unknown as Evidence[],
    },
    contentWarnings: story.contentWarnings,
    version: story.version,
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    publishedAt: story.publishedAt?.toISOString() ?? null,
  }
}
