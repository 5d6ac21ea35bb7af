// The author's right to withdraw (with the manage token), and an admin's erasure on their request:
// the story or comment leaves public view and its personal content is erased, with every copy of it
// or anything derived from it outside the row (report text, audit notes, the moderator's triage label,
// the near-duplicate fingerprint, stored Idempotency-Key answers); the audit keeps only that it happened.
import { eraseNotes, recordEvent, type AuditEntry } from '../audit/audit.js'
import { publicPlace, type ItemChange } from '../changes/change.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { eraseAnswersAbout } from '../idempotency/answers.js'
import { secretMatches } from '../keys/tokens.js'
import { kindOf, type ItemKind } from './kinds.js'
import { forgetSubmission } from './near-duplicates.js'
import { eraseTriageLabel } from './triage-labels.js'

type Actor = Pick<AuditEntry, 'actor' | 'actorKeyId'>

const notFound = { story: errors.storyNotFound, comment: errors.commentNotFound }

/** `kind` limits which items the id may name; an admin's erasure takes either. */
async function erase (db: Db, id: string, kind: ItemKind | 'any', actor: Actor, action: 'withdrawn' | 'erased', authorize: (tokenHash: string) => void): Promise<ItemChange> {
  return await db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({
      where: { id },
      select: { status: true, manageTokenHash: true, version: true, parentId: true, site: { select: { slug: true } }, topic: { select: { slug: true } } },
    })
    if (!story || (kind !== 'any' && kindOf(story) !== kind)) throw notFound[kind === 'any' ? 'story' : kind]()
    authorize(story.manageTokenHash)
    if (story.status === 'withdrawn') throw errors.alreadyWithdrawn()
    const { count } = await tx.story.updateMany({
      where: { id, version: story.version },
      data: {
        status: 'withdrawn',
        title: '',
        body: '',
        authorName: null,
        authorEmail: null,
        triageEvidence: [],
        // The learned layer's context quotes the text as evidence.
        triageSignals: {},
        redactions: [],
        flaggedAt: null,
        escalatedAt: null,
        claimKeyId: null,
        claimExpiresAt: null,
        version: { increment: 1 },
      },
    })
    if (count === 0) throw errors.stale()
    // Reports may quote the story; their text goes too.
    await tx.report.updateMany({ where: { storyId: id }, data: { details: null } })
    await eraseNotes(tx, id)
    // The moderator's label of a text that is gone is no longer anyone's to measure or train on.
    await eraseTriageLabel(tx, id)
    await forgetSubmission(tx, id)
    await eraseAnswersAbout(tx, id)
    await recordEvent(tx, { storyId: id, ...actor, action, fromStatus: story.status, toStatus: 'withdrawn' })
    const publicAt = story.status === 'approved' ? publicPlace({ ...story, id }) : null
    return { area: 'item', what: action, id, publicAt, events: false }
  })
}

export async function withdraw (db: Db, kind: ItemKind, id: string, manageToken: string): Promise<ItemChange> {
  return await erase(db, id, kind, { actor: 'author' }, 'withdrawn', (hash) => {
    if (!secretMatches(manageToken, hash)) throw errors.badManageToken()
  })
}

export async function eraseOnRequest (db: Db, id: string, adminKeyId: string): Promise<ItemChange> {
  return await erase(db, id, 'any', { actor: `key:${adminKeyId}`, actorKeyId: adminKeyId }, 'erased', () => {})
}
