// Moderator edits that do not change status: content warnings and redactions of the public text.
import { keyActor, recordEvent } from '../audit/audit.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { Principal } from '../keys/api-keys.js'
import type { Redaction } from '../privacy/public-text.js'
import { assertNotClaimedByOther, ifMatchAccepts, loadForModerator, moderationInclude } from './moderation-story.js'

export interface StoryEdit {
  contentWarnings?: string[]
  redactions?: Redaction[]
  note?: string
}

export async function editStory (db: Db, principal: Principal, id: string, ifMatch: string | undefined, edit: StoryEdit) {
  if (ifMatch === undefined) throw errors.ifMatchRequired()
  const story = await loadForModerator(db, principal, id)
  if (!ifMatchAccepts(ifMatch, story)) throw errors.stale()
  assertNotClaimedByOther(story, principal)
  for (const r of edit.redactions ?? []) {
    const length = story[r.field].length
    if (r.start >= r.end || r.end > length) throw errors.invalidRedaction(`${r.field} ${r.start}–${r.end} is not a span of the ${length}-character ${r.field}.`)
  }
  return await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: { id, version: story.version },
      data: {
        version: { increment: 1 },
        ...(edit.contentWarnings ? { contentWarnings: edit.contentWarnings } : {}),
        ...(edit.redactions ? { redactions: edit.redactions as object[] } : {}),
      },
    })
    if (count === 0) throw errors.stale()
    const changed = [edit.contentWarnings && 'content warnings', edit.redactions && `${edit.redactions.length} redaction(s)`].filter(Boolean).join(', ')
    await recordEvent(tx, { storyId: id, ...keyActor(principal.keyId), action: 'edited', reason: changed || null, note: edit.note ?? null })
    return await tx.story.findUniqueOrThrow({ where: { id }, include: moderationInclude })
  })
}
