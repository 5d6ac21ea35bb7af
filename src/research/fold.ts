// Folds the research count changes the stories trigger appends into research_daily_counts (see the
// research_count_deltas migration). Readers are right either way; folding keeps their scans short.
import type { Db } from '../db/client.js'

/** Returns how many counter rows the fold touched. */
export async function foldResearchCounts (db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT research_counts_fold() AS n`
  return row?.n ?? 0
}
