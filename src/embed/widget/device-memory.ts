// "Remember on this device": the author's own stories, kept in the host page's localStorage only after
// they agreed, namespaced per Candor origin and site. The token is only ever sent to that Candor origin.
export interface Remembered { id: string, token: string, title: string, savedAt: string }

export interface DeviceMemory {
  list: () => Remembered[]
  add: (item: Remembered) => void
  forget: (id: string) => void
}

const isRemembered = (x: unknown): x is Remembered => {
  const r = x as Partial<Remembered> | null
  return typeof r?.id === 'string' && typeof r.token === 'string' && typeof r.title === 'string' && typeof r.savedAt === 'string'
}

/** localStorage for this Candor origin and site, or null where the browser refuses storage (then nothing is offered). */
export function deviceMemory (apiOrigin: string, site: string): DeviceMemory | null {
  let storage: Storage
  try {
    storage = window.localStorage
    const probe = 'candor:probe'
    storage.setItem(probe, '1')
    storage.removeItem(probe)
  } catch {
    return null
  }
  const key = `candor:v1:${apiOrigin}:${site}:stories`
  const read = (): Remembered[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter(isRemembered) : []
    } catch {
      return []
    }
  }
  const write = (items: Remembered[]): void => {
    if (items.length === 0) storage.removeItem(key)
    else storage.setItem(key, JSON.stringify(items))
  }
  return {
    list: read,
    add: (item) => write([...read().filter((r) => r.id !== item.id), item]),
    forget: (id) => write(read().filter((r) => r.id !== id)),
  }
}
