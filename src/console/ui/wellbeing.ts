// Moderator wellbeing: distressing items blurred until revealed (a per-key preference kept in this
// browser), and a suggested pause after a run of distressing items.
import { pauseAfter } from './settings.js'

export { pauseAfter }

const distressing = new Set(['self_harm', 'abuse', 'trauma_response'])

export const isDistressing = (categories: readonly string[]): boolean => categories.some((c) => distressing.has(c))

export interface Wellbeing {
  blurEnabled: () => boolean
  setBlur: (on: boolean) => void
  /** Counts an opened item; returns the run length when a pause should be suggested, else 0. */
  opened: (categories: readonly string[]) => number
}

export function wellbeing (keyId: string): Wellbeing {
  const prefKey = `candor-console-blur:${keyId}`
  let run = 0
  return {
    blurEnabled: () => localStorage.getItem(prefKey) !== 'off',
    setBlur: (on) => { localStorage.setItem(prefKey, on ? 'on' : 'off') },
    opened (categories) {
      run = isDistressing(categories) ? run + 1 : 0
      if (run < pauseAfter) return 0
      const n = run
      run = 0
      return n
    },
  }
}
