// A client's identity for limits and duplicate detection: a keyed hash of its IP, never the IP itself.
// Its network (IPv4 /24, IPv6 /48) is hashed the same way, to tell many clients from few networks.
import { createHmac, randomBytes } from 'node:crypto'
import ipaddr from 'ipaddr.js'

export function clientHasher (secret: string | undefined): (ip: string) => string {
  const key = secret ?? randomBytes(32).toString('hex')
  return (ip) => createHmac('sha256', key).update(ip).digest('base64url').slice(0, 32)
}

/** The network an address belongs to, as text: "203.0.113.0/24", "2001:db8:1::/48". */
export function networkOf (ip: string): string {
  if (!ipaddr.isValid(ip)) return ip
  const parsed = ipaddr.process(ip) // IPv4-mapped IPv6 becomes IPv4
  const bits = parsed.kind() === 'ipv4' ? 24 : 48
  const bytes = parsed.toByteArray().map((byte, i) => (i * 8 >= bits ? 0 : byte))
  return `${ipaddr.fromByteArray(bytes).toString()}/${bits}`
}
