// SQL fragments the queue and the overdue scan share (stories `s` joined to sites `si`).
import { Prisma } from '../generated/prisma/client.js'

/** Stories that need a moderator: pending ones, and approved ones a harm report sent back. */
export const needsDecision = Prisma.sql`(s.status = 'pending' OR (s.status = 'approved' AND s.flagged_at IS NOT NULL))`

/** When the story entered the queue: its submission, or the report that sent it back. */
export const queuedAt = Prisma.sql`COALESCE(s.flagged_at, s.created_at)`

/** The site's review target for the story's level, with the product defaults (1 h, 24 h, 72 h). */
const targetMinutes = Prisma.sql`COALESCE(
  (si.settings -> 'reviewTargetsMinutes' ->> (s.triage_level::text))::int,
  CASE s.triage_level WHEN 'critical' THEN 60 WHEN 'high' THEN 1440 ELSE 4320 END)`

export const dueAt = Prisma.sql`(${queuedAt} + make_interval(mins => ${targetMinutes}))`
