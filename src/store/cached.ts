// A bounded per-instance cache of database lookups (lru-cache with `ttl` and `fetchMethod`): concurrent
// misses share one load, a failed load is not kept, and when full the least recently used entry goes.
// The TTL is only a safety net: entries are dropped when a change commits (src/store/caches.ts).
import { LRUCache } from 'lru-cache'

export interface Cached<K extends string, V, C> {
  /** `context` goes to the load on a miss (e.g. the token whose hash is the key). */
  get: (key: K, context: C) => Promise<V>
  /** Drops the entries for which `test` holds (key and value as loaded). */
  dropWhere: (test: (key: K, value: V) => boolean) => void
  drop: (key: K) => void
  clear: () => void
}

export function cached<K extends string, V, C = undefined> (ttlMs: number, load: (key: K, context: C) => Promise<V>, max = 10_000): Cached<K, V, C> {
  // Values are boxed: lru-cache cannot keep null or undefined, and "no such key" is worth keeping.
  const aborted = new WeakSet<object>()
  // lru-cache does not list loads in flight (entries() skips them), so they are counted here: a load
  // that was dropped keeps running while its retry starts, and the key is in flight until both end.
  const loading = new Map<K, number>()
  const cache = new LRUCache<K, { value: V }, C>({
    max,
    ttl: ttlMs,
    fetchMethod: async (key, _stale, { signal, context }) => {
      signal.addEventListener('abort', () => { if (typeof signal.reason === 'object') aborted.add(signal.reason as object) })
      loading.set(key, (loading.get(key) ?? 0) + 1)
      try {
        return { value: await load(key, context) }
      } finally {
        const left = (loading.get(key) ?? 1) - 1
        if (left === 0) loading.delete(key)
        else loading.set(key, left)
      }
    },
  })
  const fetch = async (key: K, context: C): Promise<V> => (await cache.fetch(key, { context } as never))!.value
  async function get (key: K, context: C): Promise<V> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(key, context)
      } catch (err) {
        // Dropped while the load was in flight: what it read may predate the change, so read again.
        if (attempt < 3 && typeof err === 'object' && err !== null && aborted.has(err)) continue
        throw err
      }
    }
  }
  return {
    get,
    dropWhere: (test) => {
      // A load in flight has no value to test yet and may have read before the change: dropped too.
      for (const key of [...loading.keys()]) cache.delete(key)
      for (const [key, box] of cache.entries()) if (test(key, box.value)) cache.delete(key)
    },
    drop: (key) => { cache.delete(key) },
    clear: () => { cache.clear() },
  }
}
