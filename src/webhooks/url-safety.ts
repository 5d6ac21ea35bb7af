// Refuses webhook endpoints that would make Candor call into private networks (SSRF): only https to
// public unicast addresses, unless the operator allows private targets (WEBHOOK_ALLOW_PRIVATE).
import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'
import { errors } from '../errors.js'

/** The IPv4 address an IPv6 address carries in its last 32 bits when it is IPv4-mapped
 *  (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d, deprecated but still routed to a.b.c.d by some
 *  stacks: "[::127.0.0.1]" and "[::a9fe:a9fe]" must not reach loopback or link-local). */
function embeddedIPv4 (v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address()
  if (v6.parts.slice(0, 6).every((p) => p === 0)) return ipaddr.fromByteArray(v6.toByteArray().slice(12)) as ipaddr.IPv4
  return null
}

function isPublicAddress (address: string): boolean {
  const parsed = ipaddr.parse(address)
  const checked = parsed.kind() === 'ipv6' ? embeddedIPv4(parsed as ipaddr.IPv6) ?? parsed : parsed
  return checked.range() === 'unicast'
}

/** Throws a 400 problem unless `url` may receive webhooks; resolves the host to check every address. */
export async function assertDeliverable (url: string, allowPrivate: boolean): Promise<URL> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw errors.webhookUrlRefused('is not a URL')
  }
  if (parsed.protocol !== 'https:' && !(allowPrivate && parsed.protocol === 'http:')) throw errors.webhookUrlRefused('must use https')
  if (parsed.username || parsed.password) throw errors.webhookUrlRefused('must not carry credentials')
  if (allowPrivate) return parsed
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address)
  } catch {
    throw errors.webhookUrlRefused(`${host} does not resolve`)
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    throw errors.webhookUrlRefused(`${host} resolves to a loopback, private or link-local address`)
  }
  return parsed
}
