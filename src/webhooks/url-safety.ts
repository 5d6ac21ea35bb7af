// Refuses webhook endpoints that would make Candor call into private networks (SSRF): only https to
// public unicast addresses, unless the operator allows private targets (WEBHOOK_ALLOW_PRIVATE); and
// pins the address that was checked for the connection (see pinned-post.ts).
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

/** Answers a host name with its addresses; injectable so tests can play a DNS that changes its mind. */
export type Resolver = (host: string) => Promise<Array<{ address: string, family: number }>>

export const systemResolver: Resolver = async (host) => await lookup(host, { all: true })

/** Where a delivery goes: the URL (for Host, SNI and certificate checks) and the one address to connect to. */
export interface PinnedTarget {
  url: URL
  address: string
  family: 4 | 6
}

function parseEndpoint (url: string, allowPrivate: boolean): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw errors.webhookUrlRefused('is not a URL')
  }
  if (parsed.protocol !== 'https:' && !(allowPrivate && parsed.protocol === 'http:')) throw errors.webhookUrlRefused('must use https')
  if (parsed.username || parsed.password) throw errors.webhookUrlRefused('must not carry credentials')
  return parsed
}

/**
 * Resolves the endpoint's host once and checks every address it gave (unless private targets are
 * allowed); the delivery then connects to the first of those addresses and nowhere else, so a DNS
 * answer that changes between this check and the connection (rebinding) is never asked for.
 */
export async function pinTarget (url: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<PinnedTarget> {
  const parsed = parseEndpoint(url, allowPrivate)
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  let addresses: Array<{ address: string, family: number }>
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await resolve(host)
  } catch {
    throw errors.webhookUrlRefused(`${host} does not resolve`)
  }
  const [first] = addresses
  if (!first) throw errors.webhookUrlRefused(`${host} does not resolve`)
  if (!allowPrivate && !addresses.every((a) => isPublicAddress(a.address))) {
    throw errors.webhookUrlRefused(`${host} resolves to a loopback, private or link-local address`)
  }
  return { url: parsed, address: first.address, family: first.family === 6 ? 6 : 4 }
}

/** Throws a 400 problem unless `url` may receive webhooks (checked when an endpoint is registered). */
export async function assertDeliverable (url: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<URL> {
  // Labs may register names that only resolve later; every delivery resolves (and pins) anyway.
  if (allowPrivate) return parseEndpoint(url, allowPrivate)
  return (await pinTarget(url, allowPrivate, resolve)).url
}
