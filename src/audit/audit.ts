// The append-only audit trail: one event per change to a story, written in the change's transaction.
import type { Db, Tx } from '../db/client.js'
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

export async function recordEvent (tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: entry })
}

export async function storyHistory (db: Db, storyId: string) {
  const events = await db.auditEvent.findMany({ where: { storyId }, orderBy: { id: 'asc' } })
  return events.map((e) => ({
    id: e.id.toString(),
    actor: e.actor,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
  }))
}

export const keyActor = (keyId: string) => ({ actor: `key:${keyId}`, actorKeyId: keyId })
