// The append-only audit trail: one event per change to a story, written in the change's transaction.
// An event's free-text note lives in audit_notes, so that erasing the item can delete it (see
// items/withdraw.ts) while the events themselves are never updated or deleted.
import type { Db } from '../db/client.js'
import { sql, type Executor } from '../db/executor.js'
import { Prisma } from '../generated/prisma/client.js'
import type { StoryStatus } from '../generated/prisma/enums.js'

export interface AuditEntry {
  storyId: string
  /** `key:<id>` for a moderator or admin key, `author`, or `system`. */
  actor: string
  actorKeyId?: string | null
  action: string
  fromStatus?: StoryStatus | null
  toStatus?: StoryStatus | null
  reason?: string | null
  note?: string | null
}

const status = (s: StoryStatus | null | undefined) => s ? Prisma.sql`${s}::"StoryStatus"` : Prisma.sql`NULL`

export async function recordEvent (on: Executor, entry: AuditEntry): Promise<void> {
  const event = Prisma.sql`
    INSERT INTO audit_events (story_id, actor_key_id, actor, action, from_status, to_status, reason)
    VALUES (${entry.storyId}::uuid, ${entry.actorKeyId ?? null}::uuid, ${entry.actor}, ${entry.action},
            ${status(entry.fromStatus)}, ${status(entry.toStatus)}, ${entry.reason ?? null})`
  if (!entry.note) {
    await sql(on, event)
    return
  }
  await sql(on, Prisma.sql`
    WITH event AS (${event} RETURNING id, story_id)
    INSERT INTO audit_notes (event_id, story_id, note) SELECT id, story_id, ${entry.note} FROM event`)
}

/** Deletes the notes of an item's events (in the erasure's transaction); the events stay. */
export async function eraseNotes (on: Executor, storyId: string): Promise<void> {
  await sql(on, Prisma.sql`DELETE FROM audit_notes WHERE story_id = ${storyId}::uuid`)
}

export async function storyHistory (db: Db, storyId: string) {
  const events = await db.auditEvent.findMany({ where: { storyId }, orderBy: { id: 'asc' }, include: { note: true } })
  const keyIds = [...new Set(events.flatMap((e) => (e.actorKeyId === null ? [] : [e.actorKeyId])))]
  const keys = keyIds.length === 0 ? [] : await db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } })
  const names = new Map(keys.map((k) => [k.id, k.name]))
  return events.map((e) => ({
    id: e.id.toString(),
    actor: e.actor,
    actorName: e.actorKeyId === null ? null : names.get(e.actorKeyId) ?? null,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    note: e.note?.note ?? null,
    createdAt: e.createdAt.toISOString(),
  }))
}

export const keyActor = (keyId: string) => ({ actor: `key:${keyId}`, actorKeyId: keyId })
