// A visitor's submission: clean the text, triage it, store it pending with its audit event.
import { recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { hashSecret, newSecret } from '../keys/tokens.js'
import { siteSettings } from '../sites/sites.js'
import { triage } from '../triage/triage.js'
import type { Triage } from '../triage/types.js'
import { enqueueEvent } from '../webhooks/events.js'
import { errors } from '../errors.js'
import { isNearDuplicate, rememberSubmission, signature } from './near-duplicates.js'
import { cleanOptional, cleanText } from './text.js'

export interface TopicRef {
  id: string
  slug: string
  siteId: string
  site: { slug: string, settings: unknown }
}

/** What the author sees when their story mentions self-harm: never silence. */
export function supportFor (result: Triage, site: TopicRef['site']) {
  if (!result.categories.includes('self_harm')) return undefined
  const settings = siteSettings(site.settings as never)
  return { message: settings.supportMessage, resources: settings.crisisResources }
}

/** Stores a visitor's story (pending) with its audit and webhook events; refuses a near-duplicate from the same client. */
export async function submitStory (db: Db, topic: TopicRef, input: Schemas['StorySubmission'], clientHash: string) {
  const title = cleanText(input.title)
  const body = cleanText(input.body)
  const result = triage({ title, body })
  const manageToken = newSecret('mt')
  const fingerprint = signature(`${title}\n${body}`)
  const story = await db.$transaction(async (tx) => {
    if (await isNearDuplicate(tx, clientHash, fingerprint)) throw errors.duplicateSubmission()
    await rememberSubmission(tx, clientHash, fingerprint)
    const created = await tx.story.create({
      data: {
        siteId: topic.siteId,
        topicId: topic.id,
        title,
        body,
        authorName: cleanOptional(input.authorName),
        authorEmail: cleanOptional(input.authorEmail)?.toLowerCase() ?? null,
        verdict: input.verdict,
        consentPublish: input.consent.publish,
        consentResearch: input.consent.research ?? false,
        triageLevel: result.level,
        triageCategories: result.categories,
        triageEvidence: result.evidence as object[],
        manageTokenHash: hashSecret(manageToken),
      },
      select: { id: true, createdAt: true },
    })
    await recordEvent(tx, { storyId: created.id, actor: 'author', action: 'submitted', toStatus: 'pending' })
    const event = { storyId: created.id, site: topic.site.slug, topic: topic.slug, level: result.level, categories: result.categories }
    await enqueueEvent(tx, topic.siteId, 'story.submitted', event)
    if (result.level !== 'normal') await enqueueEvent(tx, topic.siteId, `story.triaged.${result.level}`, event)
    return created
  })
  return { story, manageToken, triage: result, support: supportFor(result, topic.site) }
}
