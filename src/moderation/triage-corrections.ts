// Correcting triage: a moderator sets an item's final level and categories. Kept as the item's label
// (src/items/triage-labels.ts) beside what triage said, under If-Match like an edit, refused while another
// moderator holds a claim, and written with its audit event. Triage's own columns are left as they
// were, so triage can be measured against the label.
import { keyActor, recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { Principal } from '../keys/api-keys.js'
import { HARM_CATEGORIES, levelFor, type HarmCategory, type TriageLevel } from '../triage/types.js'
import { assertNotClaimedByOther, ifMatchAccepts, loadForModerator, moderationInclude } from './moderation-story.js'
import { triageReading } from '../items/triage-labels.js'

export type TriageCorrection = Schemas['TriageCorrection']

/** The level must follow from the categories, as triage's does; a clear 400 says which way. */
export function checkCorrection (level: TriageLevel, categories: readonly HarmCategory[]): void {
  const expected = levelFor(categories)
  if (level === expected) return
  const why = {
    critical: 'critical is the level for self_harm: include self_harm in categories',
    high: 'high is the level for abuse, trauma_response or physical_harm without self_harm: give one of them, and not self_harm',
    normal: 'normal is the level for no harm category: leave categories empty',
  }[level]
  throw errors.triageLabelInconsistent(`Level ${level} does not match categories [${categories.join(', ')}] (they give ${expected}): ${why}.`)
}

const describe = (level: string, categories: readonly string[]): string => `${level}${categories.length ? ` (${categories.join(', ')})` : ''}`

export async function correctTriage (db: Db, principal: Principal, id: string, ifMatch: string | undefined, correction: TriageCorrection) {
  if (ifMatch === undefined) throw errors.ifMatchRequired()
  const categories = HARM_CATEGORIES.filter((c) => correction.categories.includes(c))
  checkCorrection(correction.level, categories)
  const story = await loadForModerator(db, principal, id)
  if (!ifMatchAccepts(ifMatch, story)) throw errors.stale()
  if (story.status === 'withdrawn') throw errors.invalidTransition('correct the triage of', 'withdrawn')
  assertNotClaimedByOther(story, principal)
  const reading = triageReading(story)
  const label = { level: correction.level, categories, source: 'corrected' as const, ...reading }
  return await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({ where: { id, version: story.version }, data: { version: { increment: 1 } } })
    if (count === 0) throw errors.stale()
    await tx.triageLabel.upsert({ where: { storyId: id }, create: { storyId: id, ...label }, update: label })
    await recordEvent(tx, {
      storyId: id,
      ...keyActor(principal.keyId),
      action: 'triage_corrected',
      // What was read where the note goes, not in the reason: notes are erased with the item, events stay.
      reason: null,
      note: [`${describe(reading.triageLevel, reading.triageCategories)} → ${describe(correction.level, categories)}`, correction.note].filter(Boolean).join(' · '),
    })
    return await tx.story.findUniqueOrThrow({ where: { id }, include: moderationInclude })
  })
}
