// Near-duplicate detection for one client's submissions: MinHash signatures of word 3-shingles,
// kept for 24 hours. Written by hand because it is 40 lines and needs no index structure: a client
// has at most a handful of recent submissions (they are rate limited), compared one by one.
import { createHash } from 'node:crypto'
import type { Db } from '../db/client.js'
import { sql, type Executor } from '../db/executor.js'
import { Prisma } from '../generated/prisma/client.js'

const slots = 32
const threshold = 0.8
const windowMs = 24 * 3600 * 1000

function shingles (text: string): string[] {
  const words = text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean)
  if (words.length < 3) return [words.join(' ')]
  return words.slice(2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`)
}

/** For each of 32 seeded hashes, the minimum over the shingles (a 32-bit signed int, for int[]). */
export function signature (text: string): number[] {
  const mins = new Array<number>(slots).fill(0x7fffffff)
  for (const shingle of new Set(shingles(text))) {
    const digest = createHash('sha256').update(shingle).digest()
    for (let i = 0; i < slots; i++) {
      // Two 32-bit words of one digest, mixed per slot, stand in for 32 independent hash functions.
      const a = digest.readUInt32LE((i % 8) * 4)
      const b = digest.readUInt32LE(((i + 3) % 8) * 4)
      const h = ((a ^ Math.imul(b, 2654435761 + i * 40503)) >>> 1)
      if (h < mins[i]!) mins[i] = h
    }
  }
  return mins
}

export function similarity (a: readonly number[], b: readonly number[]): number {
  let same = 0
  for (let i = 0; i < slots; i++) if (a[i] === b[i]) same++
  return same / slots
}

/** True when this client sent a near-identical text in the last 24 hours. */
export async function isNearDuplicate (on: Executor, clientHash: string, sig: readonly number[]): Promise<boolean> {
  // The client's latest few are enough: a flood of variations is what the rate limit is for.
  const recent = await sql<{ signature: number[] }>(on, Prisma.sql`
    SELECT signature FROM submission_fingerprints
    WHERE client_hash = ${clientHash} AND created_at > ${new Date(Date.now() - windowMs)}
    ORDER BY created_at DESC LIMIT 20`)
  return recent.some((r) => similarity(r.signature, sig) >= threshold)
}

export async function rememberSubmission (on: Executor, clientHash: string, storyId: string, sig: number[]): Promise<void> {
  await sql(on, Prisma.sql`
    INSERT INTO submission_fingerprints (client_hash, story_id, signature) VALUES (${clientHash}, ${storyId}::uuid, ${sig}::int[])`)
}

/** A withdrawn or erased item's fingerprint goes with its text (a MinHash says which words it had). */
export async function forgetSubmission (on: Executor, storyId: string): Promise<void> {
  await sql(on, Prisma.sql`DELETE FROM submission_fingerprints WHERE story_id = ${storyId}::uuid`)
}

/** Drops fingerprints older than the window (run periodically, not on the request path). */
export async function forgetOldSubmissions (db: Db): Promise<number> {
  return (await db.submissionFingerprint.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - windowMs) } } })).count
}
