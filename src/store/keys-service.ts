// API keys: the admin's list, create and revoke, and the bearer lookup on every keyed request, kept
// per instance by the key's hash for 5 s and dropped on every instance when the key changes.
import { createApiKey, describeKey, findPrincipal, listApiKeys, revokeApiKey, type NewApiKey, type Principal } from '../keys/api-keys.js'
import { hashSecret } from '../keys/tokens.js'
import { cached } from './cached.js'
import type { Droppable } from './caches.js'
import type { ServiceContext } from './context.js'

export const principalTtlMs = 5_000

export function keysService ({ db, committed }: ServiceContext) {
  // Keyed by the key's hash, never the key; unknown keys are remembered too, so guessing costs no queries.
  const principals = cached(principalTtlMs, async (_hash: string, token: string) => await findPrincipal(db, token))
  const caches: Droppable = {
    drop: (change) => { if (change.area === 'key') principals.dropWhere((_hash, p) => p?.keyId === change.keyId) },
    clear: principals.clear,
  }
  return {
    caches,
    /** Who a bearer token is, or null for an unknown or revoked key. */
    principal: async (token: string): Promise<Principal | null> => await principals.get(hashSecret(token), token),
    describe: async (principal: Principal) => await describeKey(db, principal),
    list: async () => await listApiKeys(db),
    // A new key needs no announcement: no instance has its token cached (unknown tokens are random).
    create: async (input: NewApiKey) => await createApiKey(db, input),
    revoke: async (id: string) => {
      await revokeApiKey(db, id)
      committed({ area: 'key', keyId: id })
    },
  }
}

export type KeysService = ReturnType<typeof keysService>
