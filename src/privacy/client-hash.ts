// A client's identity for limits and duplicate detection: a keyed hash of its IP, never the IP itself.
import { createHmac, randomBytes } from 'node:crypto'

export function clientHasher (secret: string | undefined): (ip: string) => string {
  const key = secret ?? randomBytes(32).toString('hex')
  return (ip) => createHmac('sha256', key).update(ip).digest('base64url').slice(0, 32)
}
