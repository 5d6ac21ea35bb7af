// An author's edit of their own pending item: the new text is cleaned and triaged again; the item keeps
// its place in the queue (same submission time) and its level unless triage raises it, and a raise is
// announced like a new submission's. Once a moderator has decided, the edit is refused with the reason.
import { recordEvent } from '../audit/audit.js'
import type { Schemas } from '../contract/types.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { ifMatchAccepts } from '../http/etag.js'
import { eventName, eventSubject, kindOf, type ItemKind } from '../items/kinds.js'
import { supportFor } from '../items/submit.js'
import { cleanText } from '../items/text.js'
import { toColumns } from '../triage/stored.js'
import type { TriageRunner } from '../triage/runner.js'
import type { TriageResult } from '../triage/types.js'
import { enqueueEvent } from '../webhooks/events.js'
import { loadOwnItem } from './own-item.js'

export type OwnEdit = Partial<Schemas['OwnStoryEdit']>

const urgency: Record<TriageResult['level'], number> = { normal: 0, high: 1, critical: 2 }
const moreUrgent = (a: TriageResult['level'], b: TriageResult['level']) => (urgency[a] >= urgency[b] ? a : b)

export async function editOwnItem (db: Db, kind: ItemKind, id: string, manageToken: string, ifMatch: string | undefined, edit: OwnEdit, triage: TriageRunner['run']) {
  const item = await loadOwnItem(db, kind, id, manageToken)
  if (ifMatch === undefined) throw errors.ifMatchRequired()
  if (item.status !== 'pending') throw errors.editClosed(kind, item.status)
  if (!ifMatchAccepts(ifMatch, item)) throw errors.stale()

  const title = edit.title === undefined ? item.title : cleanText(edit.title)
  const body = edit.body === undefined ? item.body : cleanText(edit.body)
  const result = await triage({ title, body })
  // Never lower: what was to be seen first stays first (a report or an earlier text may have raised it).
  const level = moreUrgent(item.triageLevel, result.level)
  const raised = level !== item.triageLevel

  await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: { id, version: item.version, status: 'pending' },
      data: {
        title,
        body,
        ...(edit.verdict !== undefined ? { verdict: edit.verdict } : {}),
        ...toColumns(result),
        triageLevel: level,
        // The old redaction offsets do not fit the new text.
        redactions: [],
        version: { increment: 1 },
      },
    })
    if (count === 0) throw errors.stale()
    const fields = Object.keys(edit).join(', ')
    await recordEvent(tx, { storyId: id, actor: 'author', action: 'edited', reason: fields })
    if (raised) {
      await recordEvent(tx, { storyId: id, actor: 'system', action: 'triage_raised', reason: 'author edit', note: `${item.triageLevel} → ${level}` })
      const event = { ...eventSubject(item), site: item.site.slug, topic: item.topic.slug, level, categories: result.categories }
      await enqueueEvent(tx, item.siteId, eventName(item, `triaged.${level as 'critical' | 'high'}`), event)
    }
  })
  return { item: await loadOwnItem(db, kindOf(item), id, manageToken), support: supportFor(result, item.site), raised }
}
