// A small per-instance cache whose entries expire after a fixed time; concurrent misses share one load.
export function ttlCache<K, V> (ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<K, { at: number, value: Promise<V> }>()
  return {
    async get (key: K, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key)
      if (hit && Date.now() - hit.at < ttlMs) return await hit.value
      if (entries.size >= maxEntries) entries.clear()
      const value = load()
      entries.set(key, { at: Date.now(), value })
      // A failed load is not cached.
      value.catch(() => { if (entries.get(key)?.value === value) entries.delete(key) })
      return await value
    },
    clear: () => { entries.clear() },
  }
}
