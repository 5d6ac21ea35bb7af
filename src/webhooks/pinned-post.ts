// POSTs a webhook to the address that was checked: the socket's lookup answers only the pinned
// address, while the Host header, TLS SNI and certificate verification still use the URL's name.
// Redirects are not followed (a 3xx is an answer, like any other non-2xx).
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { PinnedTarget } from './url-safety.js'

function pinnedLookup ({ address, family }: PinnedTarget): LookupFunction {
  return (_host, options, callback) => {
    // net asks for every address when it races IPv4 and IPv6 (autoSelectFamily), one otherwise.
    if (options.all) (callback as (err: null, addresses: Array<{ address: string, family: number }>) => void)(null, [{ address, family }])
    else callback(null, address, family)
  }
}

/** Resolves with the response status; the body is read and dropped. */
export async function postPinned (target: PinnedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const client = target.url.protocol === 'https:' ? https : http
  return await new Promise((resolve, reject) => {
    const request = client.request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(target),
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    }, (response) => {
      response.on('error', reject)
      response.on('end', () => { resolve(response.statusCode ?? 0) })
      response.resume()
    })
    request.on('error', reject)
    request.end(body)
  })
}
