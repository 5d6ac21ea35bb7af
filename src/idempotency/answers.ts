// Stored answers to Idempotency-Key requests: claimed before the handler runs, filled in after it,
// replayed for 24 hours, and erased with the story or comment they are about. What is stored is a
// hash of the key and the sealed body (see seal.ts); sealing and unsealing are the caller's.
import type { Db } from '../db/client.js'
import { sql, type Executor } from '../db/executor.js'
import { Prisma } from '../generated/prisma/client.js'

export const ttlMs = 24 * 3600 * 1000

export interface AnswerKey {
  /** Operation and caller (API key id or client hash): one client's key never collides with another's. */
  scope: string
  /** See seal.ts `keyHash`. */
  keyHash: string
}

export interface StoredAnswer {
  status: number
  sealedBody: Uint8Array
  headers: Record<string, string>
}

/** What is on record for a key that was already claimed. */
export type Earlier =
  | { state: 'erased' }
  | { state: 'running', requestHash: string }
  | { state: 'answered', requestHash: string, answer: StoredAnswer }

/**
 * Claims the key for this request (or reclaims an expired one); false when it is taken. `storyId` is
 * the item the request names, when it names one, so that erasing it meanwhile erases the answer.
 */
export async function claim (db: Db, { scope, keyHash }: AnswerKey, requestHash: string, storyId: string | null): Promise<boolean> {
  const claimed = await db.$executeRaw`
    INSERT INTO idempotency_keys (scope, key_hash, request_hash, story_id) VALUES (${scope}, ${keyHash}, ${requestHash}, ${storyId}::uuid)
    ON CONFLICT (scope, key_hash) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now(),
      response_status = NULL, response_sealed = NULL, response_headers = NULL, story_id = EXCLUDED.story_id, erased_at = NULL
    WHERE idempotency_keys.created_at < now() - make_interval(secs => ${ttlMs / 1000})`
  return claimed === 1
}

export async function earlier (db: Db, { scope, keyHash }: AnswerKey): Promise<Earlier> {
  const row = await db.idempotencyKey.findUniqueOrThrow({ where: { scope_keyHash: { scope, keyHash } } })
  if (row.erasedAt) return { state: 'erased' }
  if (row.responseStatus === null || row.responseSealed === null) return { state: 'running', requestHash: row.requestHash }
  return {
    state: 'answered',
    requestHash: row.requestHash,
    answer: { status: row.responseStatus, sealedBody: row.responseSealed, headers: (row.responseHeaders ?? {}) as Record<string, string> },
  }
}

/** Keeps the answer (and the item it created, if any), unless its item was erased while it ran. */
export async function remember (db: Db, { scope, keyHash }: AnswerKey, answer: StoredAnswer, createdId: string | null): Promise<void> {
  await db.idempotencyKey.updateMany({
    where: { scope, keyHash, erasedAt: null },
    data: { responseStatus: answer.status, responseSealed: Buffer.from(answer.sealedBody), responseHeaders: answer.headers, ...(createdId ? { storyId: createdId } : {}) },
  })
}

/** A 5xx is forgotten, so the request can be retried. */
export async function release (db: Db, { scope, keyHash }: AnswerKey): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { scope, keyHash } })
}

/**
 * Erases every stored answer about an item (in the erasure's transaction). The key stays claimed, so
 * a replay gets 410 instead of running again; the request's hash goes too, since it was taken over
 * the text.
 */
export async function eraseAnswersAbout (on: Executor, storyId: string): Promise<void> {
  await sql(on, Prisma.sql`
    UPDATE idempotency_keys SET erased_at = now(), request_hash = '', response_status = NULL, response_sealed = NULL,
      response_headers = NULL
    WHERE story_id = ${storyId}::uuid AND erased_at IS NULL`)
}

/** Expired keys are reclaimed on reuse; this keeps the table small (see plugins/housekeeping.ts). */
export async function forgetExpiredKeys (db: Db): Promise<number> {
  return (await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - ttlMs) } } })).count
}
