// A visitor's submission, story or comment: clean the text, triage it, store it pending with its audit
// and webhook events, in one transaction.
import { recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { hashSecret, newSecret } from '../keys/tokens.js'
import { eventName, eventSubject } from '../moderation/items.js'
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

/** What the author sees when their text mentions self-harm: never silence. */
export function supportFor (result: Triage, site: TopicRef['site']) {
  if (!result.categories.includes('self_harm')) return undefined
  const settings = siteSettings(site.settings as never)
  return { message: settings.supportMessage, resources: settings.crisisResources }
}

interface Submission {
  topic: TopicRef
  /** The story a comment answers; absent for a story. */
  parentId?: string
  title: string
  body: string
  authorName?: string | undefined
  authorEmail?: string | undefined
  verdict?: Schemas['Verdict'] | undefined
  consent: { publish: boolean, research?: boolean | undefined }
}

/** Stores a submission (pending) with its audit and webhook events; refuses a near-duplicate from the same client. */
export async function storeSubmission (db: Db, input: Submission, clientHash: string) {
  const { topic } = input
  const title = cleanText(input.title)
  const body = cleanText(input.body)
  const result = triage({ title, body })
  const manageToken = newSecret('mt')
  const fingerprint = signature(`${title}\n${body}`)
  const item = await db.$transaction(async (tx) => {
    if (await isNearDuplicate(tx, clientHash, fingerprint)) throw errors.duplicateSubmission()
    await rememberSubmission(tx, clientHash, fingerprint)
    const created = await tx.story.create({
      data: {
        siteId: topic.siteId,
        topicId: topic.id,
        parentId: input.parentId ?? null,
        title,
        body,
        authorName: cleanOptional(input.authorName),
        authorEmail: cleanOptional(input.authorEmail)?.toLowerCase() ?? null,
        verdict: input.verdict ?? null,
        consentPublish: input.consent.publish,
        consentResearch: input.consent.research ?? false,
        triageLevel: result.level,
        triageCategories: result.categories,
        triageEvidence: result.evidence as object[],
        manageTokenHash: hashSecret(manageToken),
      },
      select: { id: true, parentId: true, createdAt: true },
    })
    await recordEvent(tx, { storyId: created.id, actor: 'author', action: 'submitted', toStatus: 'pending' })
    const event = { ...eventSubject(created), site: topic.site.slug, topic: topic.slug, level: result.level, categories: result.categories }
    await enqueueEvent(tx, topic.siteId, eventName(created, 'submitted'), event)
    if (result.level !== 'normal') await enqueueEvent(tx, topic.siteId, eventName(created, `triaged.${result.level}`), event)
    return created
  })
  return { item, manageToken, triage: result, support: supportFor(result, topic.site) }
}
