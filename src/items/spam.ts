// Signs of an automated submission: the hidden honeypot field filled in, or a form filled too fast.
// Such submissions get a normal-looking answer but are never stored, so bots learn nothing.
import { v7 as uuidv7 } from 'uuid'
import { newSecret } from '../keys/tokens.js'

export const minimumFillMs = 3000

export function automationSign (input: { website?: string, fillMs?: number }): 'honeypot' | 'too_fast' | null {
  if (input.website !== undefined && input.website.trim() !== '') return 'honeypot'
  if (input.fillMs !== undefined && input.fillMs < minimumFillMs) return 'too_fast'
  return null
}

/** A receipt indistinguishable in shape from a real one. */
export function decoyReceipt () {
  return { story: { id: uuidv7(), createdAt: new Date() }, manageToken: newSecret('mt') }
}
