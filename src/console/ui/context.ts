// What every part of the console shares once signed in: the typed client, the key's identity, texts, wellbeing.
import type { ConsoleApi, CurrentKey } from './api.js'
import type { Strings } from './strings.js'
import type { Wellbeing } from './wellbeing.js'

export interface ConsoleContext {
  api: ConsoleApi
  me: CurrentKey
  s: Strings
  wellbeing: Wellbeing
}
