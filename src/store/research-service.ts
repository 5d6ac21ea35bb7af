// Research: ratings with suppression (Prisma), and the de-identified export, streamed from a server-side
// cursor on the export pool (see pools.ts).
import type { Principal } from '../keys/api-keys.js'
import { openExport, type ExportFormat } from '../research/export.js'
import { exportIdKey } from '../research/export-key.js'
import { researchRatings } from '../research/ratings.js'
import { resolveScope, type ResearchFilter } from '../research/scope.js'
import type { Interval } from '../research/periods.js'
import type { ServiceContext } from './context.js'

export function researchService ({ db, exportPool }: ServiceContext) {
  let key: Promise<Buffer> | undefined
  return {
    ratings: async (principal: Principal, filter: ResearchFilter & { interval: Interval }) => await researchRatings(db, principal, filter),
    /** The export as a stream; `onDone` hears why it stopped early, if it did. */
    export: async (principal: Principal, filter: ResearchFilter, format: ExportFormat, onDone: (err: Error | null) => void) => {
      const scope = await resolveScope(db, principal, filter)
      // Derived once per instance; a failed derivation (the database briefly away) is tried again next time.
      key ??= exportIdKey(db).catch((err: unknown) => { key = undefined; throw err })
      return await openExport(exportPool, scope, format, await key, onDone)
    },
  }
}
