// Which views a key's role can use: moderators the queue, researchers the research view, admins all three.
import type { CurrentKey } from './api.js'

export type View = 'queue' | 'research' | 'admin'

const byRole: Record<CurrentKey['role'], View[]> = {
  admin: ['queue', 'research', 'admin'],
  moderator: ['queue'],
  researcher: ['research'],
}

export const viewsFor = (role: CurrentKey['role']): View[] => byRole[role]

/** The view to open: the one named in the URL's fragment when the key can use it, else the role's first. */
export function initialView (views: View[], fragment: string): View {
  const named = fragment.replace(/^#/, '')
  return views.find((v) => v === named) ?? views[0]!
}
