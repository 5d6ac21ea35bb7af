// Where the pasted API key lives: this tab's sessionStorage only (gone when the tab closes), never a URL, cookie or log.
const storageKey = 'candor-console-key'

export const savedKey = (): string | null => sessionStorage.getItem(storageKey)
export const saveKey = (key: string): void => { sessionStorage.setItem(storageKey, key) }
export const forgetKey = (): void => { sessionStorage.removeItem(storageKey) }
