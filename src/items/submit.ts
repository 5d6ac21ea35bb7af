// A visitor's submission, story or comment: clean the text, triage it, store it pending with its audit
// and webhook events, in one transaction.
import { recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { pgTransaction, sql } from '../db/executor.js'
import { Prisma } from '../generated/prisma/client.js'
import { hashSecret, newSecret } from '../keys/tokens.js'
import { eventName, eventSubject } from './kinds.js'
import { siteSettings } from '../sites/sites.js'
import { toColumns } from '../triage/stored.js'
import type { TriageRunner } from '../triage/runner.js'
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

export interface Submission {
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

/**
 * Stores a submission (pending) with its audit and webhook events; refuses a near-duplicate from the
 * same client. The hottest write, so it runs as a plain pg transaction (see src/store/pools.ts).
 */
export async function storeSubmission (pool: pg.Pool, input: Submission, clientHash: string, triage: TriageRunner['run']) {
  const { topic } = input
  const title = cleanText(input.title)
  const body = cleanText(input.body)
  const result = await triage({ title, body })
  const manageToken = newSecret('mt')
  const fingerprint = signature(`${title}\n${body}`)
  const item = await pgTransaction(pool, async (tx) => {
    if (await isNearDuplicate(tx, clientHash, fingerprint)) throw errors.duplicateSubmission()
    const verdict = input.verdict ? Prisma.sql`${input.verdict}::"Verdict"` : Prisma.sql`NULL`
    const [created] = await sql<{ id: string, parentId: string | null, createdAt: Date }>(tx, Prisma.sql`
      INSERT INTO stories (id, site_id, topic_id, parent_id, title, body, author_name, author_email, verdict,
                           consent_publish, consent_research, triage_level, triage_categories, triage_evidence,
                           triage_signals, triage_model, manage_token_hash, updated_at)
      VALUES (${uuidv7()}::uuid, ${topic.siteId}::uuid, ${topic.id}::uuid, ${input.parentId ?? null}::uuid, ${title}, ${body},
              ${cleanOptional(input.authorName)}, ${cleanOptional(input.authorEmail)?.toLowerCase() ?? null}, ${verdict},
              ${input.consent.publish}, ${input.consent.research ?? false}, ${result.level}::"TriageLevel",
              ${result.categories}::text[], ${JSON.stringify(result.evidence)}::jsonb,
              ${JSON.stringify(toColumns(result).triageSignals)}::jsonb, ${result.model}, ${hashSecret(manageToken)}, now())
      RETURNING id, parent_id AS "parentId", created_at AS "createdAt"`)
    if (!created) throw new Error('INSERT … RETURNING gave no row')
    await rememberSubmission(tx, clientHash, created.id, fingerprint)
    await recordEvent(tx, { storyId: created.id, actor: 'author', action: 'submitted', toStatus: 'pending' })
    const event = { ...eventSubject(created), site: topic.site.slug, topic: topic.slug, level: result.level, categories: result.categories }
    await enqueueEvent(tx, topic.siteId, eventName(created, 'submitted'), event)
    if (result.level !== 'normal') await enqueueEvent(tx, topic.siteId, eventName(created, `triaged.${result.level}`), event)
    return created
  })
  return { item, manageToken, triage: result, support: supportFor(result, topic.site) }
}
