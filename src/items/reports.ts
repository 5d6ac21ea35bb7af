// Visitor reports on public stories and comments. One per visitor per item; a harm report raises
// triage to at least `high` and sends an approved item back to the queue, all in one transaction.
import { recordEvent } from '../audit/audit.js'
import type { ItemChange } from '../changes/change.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { eventName, eventSubject, type ItemKind } from './kinds.js'
import { enqueueEvent } from '../webhooks/events.js'

type ReportInput = { reason: Schemas['ReportReason'], details?: string }

export async function report (db: Db, kind: ItemKind, storyId: string, reporterHash: string, input: ReportInput): Promise<ItemChange> {
  // The public view does not change: a reported item stays up until a moderator decides.
  const announced = await db.$transaction(async (tx) => {
    const story = await tx.story.findFirst({
      where: { id: storyId, status: 'approved', parentId: kind === 'story' ? null : { not: null } },
      select: { id: true, parentId: true, siteId: true, triageLevel: true, flaggedAt: true, site: { select: { slug: true } } },
    })
    if (!story) throw kind === 'story' ? errors.storyNotFound() : errors.commentNotFound()
    const previous = await tx.report.findUnique({ where: { storyId_reporterHash: { storyId, reporterHash } }, select: { reason: true } })
    await tx.report.upsert({
      where: { storyId_reporterHash: { storyId, reporterHash } },
      create: { storyId, reporterHash, reason: input.reason, details: input.details ?? null },
      update: { reason: input.reason, details: input.details ?? null },
    })
    const harmDelta = Number(input.reason === 'harm') - Number(previous?.reason === 'harm')
    const raise = input.reason === 'harm' && story.triageLevel === 'normal'
    if (harmDelta !== 0 || (input.reason === 'harm' && !story.flaggedAt)) {
      await tx.story.update({
        where: { id: storyId },
        data: {
          harmReports: { increment: harmDelta },
          version: { increment: 1 },
          ...(input.reason === 'harm' && !story.flaggedAt ? { flaggedAt: new Date(), overdueNotifiedAt: null } : {}),
          ...(raise ? { triageLevel: 'high' } : {}),
        },
      })
    }
    if (previous?.reason === input.reason) return false // a repeat from the same visitor collapses into the first
    await recordEvent(tx, { storyId, actor: 'visitor', action: 'reported', reason: input.reason })
    if (raise) await recordEvent(tx, { storyId, actor: 'system', action: 'triage_raised', reason: 'harm report', note: 'normal → high' })
    await enqueueEvent(tx, story.siteId, eventName(story, 'reported'), { ...eventSubject(story), site: story.site.slug, reason: input.reason })
    return true
  })
  return { area: 'item', what: 'reported', id: storyId, publicAt: null, events: announced }
}
