// The first admin key at start-up (BOOTSTRAP_ADMIN_KEY), and whether any usable admin key exists.
import type { Db } from '../db/client.js'
import { hashSecret } from '../keys/tokens.js'

/**
 * Makes BOOTSTRAP_ADMIN_KEY the first admin key when no usable admin key exists. A key that was
 * revoked stays revoked: the bootstrap never brings it back. Says what it did.
 */
export async function ensureBootstrapAdminKey (db: Db, key: string): Promise<'created' | 'not needed' | 'revoked'> {
  const existing = await db.apiKey.count({ where: { role: 'admin', revokedAt: null } })
  if (existing > 0) return 'not needed'
  const hash = hashSecret(key)
  const previous = await db.apiKey.findUnique({ where: { hash }, select: { revokedAt: true } })
  if (previous !== null) return previous.revokedAt === null ? 'not needed' : 'revoked'
  await db.apiKey.create({ data: { name: 'bootstrap', role: 'admin', prefix: key.slice(0, 12), hash } })
  return 'created'
}

/** True when at least one admin key is not revoked. */
export async function hasUsableAdminKey (db: Db): Promise<boolean> {
  return await db.apiKey.count({ where: { role: 'admin', revokedAt: null } }) > 0
}
