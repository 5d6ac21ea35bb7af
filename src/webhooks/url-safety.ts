// Refuses webhook endpoints that would make Candor call into private networks (SSRF): only https to
// public unicast addresses, unless the operator allows private targets (WEBHOOK_ALLOW_PRIVATE).
import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'
import { errors } from '../errors.js'

function isPublicAddress (address: string): boolean {
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  return parsed.range() === 'unicast'
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
