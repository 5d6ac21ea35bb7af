// Items past their review target are announced once (`queue.overdue`) to the site's webhooks: marked
// and enqueued in one transaction, SKIP LOCKED so several instances share the scan. Run by
// housekeeping (src/plugins/housekeeping.ts); the webhook deliverer sends what it enqueued.
import type { Db } from '../db/client.js'
import { enqueueEvent } from '../webhooks/events.js'
import { eventSubject } from '../items/kinds.js'
import { dueAt, needsDecision } from './sql.js'

/** Returns how many items it announced. */
export async function announceOverdue (db: Db): Promise<number> {
  return await db.$transaction(async (tx) => {
    const late = await tx.$queryRaw<Array<{ id: string, parentId: string | null, site_id: string, site: string, level: string }>>`
      UPDATE stories SET overdue_notified_at = now()
      FROM (SELECT s.id, s.parent_id, s.site_id, si.slug AS site, s.triage_level::text AS level
            FROM stories s JOIN sites si ON si.id = s.site_id
            WHERE ${needsDecision} AND s.overdue_notified_at IS NULL AND ${dueAt} < now()
            LIMIT 100 FOR UPDATE OF s SKIP LOCKED) late
      WHERE stories.id = late.id
      RETURNING late.id, late.parent_id AS "parentId", late.site_id, late.site, late.level`
    for (const item of late) {
      await enqueueEvent(tx, item.site_id, 'queue.overdue', { ...eventSubject(item), site: item.site, level: item.level })
    }
    return late.length
  })
}
