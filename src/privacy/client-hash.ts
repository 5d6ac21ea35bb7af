// A client's identity for limits, one-rating-per-visitor and duplicate detection: a keyed hash of its
// IPv4 address or of its IPv6 /64 (one allocation, one visitor: a host is handed a whole /64 and can
// pick any address in it), never the IP itself. Its network (IPv4 /24, IPv6 /48) is hashed the same
// way, to tell many clients from few networks.
import { createHmac, randomBytes } from 'node:crypto'
import ipaddr from 'ipaddr.js'

export function clientHasher (secret: string | undefined): (value: string) => string {
  const key = secret ?? randomBytes(32).toString('hex')
  return (value) => createHmac('sha256', key).update(value).digest('base64url').slice(0, 32)
}

/** The first `bits` of an address as a prefix: "203.0.113.0/24", "2001:db8:1::/48". */
function prefixOf (ip: string, bits: { ipv4: number, ipv6: number }): string {
  if (!ipaddr.isValid(ip)) return ip
  const parsed = ipaddr.process(ip) // IPv4-mapped IPv6 becomes IPv4
  const length = bits[parsed.kind()]
  const bytes = parsed.toByteArray().map((byte, i) => (i * 8 >= length ? 0 : byte))
  return `${ipaddr.fromByteArray(bytes).toString()}/${length}`
}

/**
 * Who the client is: its IPv4 address ("203.0.113.7", also when it arrives IPv4-mapped; the same text
 * as before IPv6 clients were grouped, so stored IPv4 rater hashes still match), or its IPv6 /64
 * ("2001:db8:1:2::/64").
 */
export function clientOf (ip: string): string {
  if (!ipaddr.isValid(ip)) return ip
  const parsed = ipaddr.process(ip)
  return parsed.kind() === 'ipv4' ? parsed.toString() : prefixOf(ip, { ipv4: 32, ipv6: 64 })
}

/** The network an address belongs to: "203.0.113.0/24", "2001:db8:1::/48". */
export const networkOf = (ip: string): string => prefixOf(ip, { ipv4: 24, ipv6: 48 })
