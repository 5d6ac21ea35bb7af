// Drives a server with autocannon (programmatic): a warm-up, then the measured run; returns the figures the table needs.
import autocannon from 'autocannon'

export interface LoadOptions {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Called per request: the path (and body) to send. Default: the URL's own path. */
  next?: () => { path: string, body?: string, headers?: Record<string, string> }
  /** Called with each response (status and body text); slows the generator a little, so only where needed. */
  onResponse?: (status: number, body: string) => void
  connections: number
  durationSeconds: number
  warmupSeconds: number
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  /** Responses outside 2xx, plus socket errors and timeouts. */
  errors: number
  ok2xx: number
  total: number
  /** Responses by HTTP status, e.g. { "200": 1234, "500": 3 }. */
  statusCodes: Record<string, number>
}

async function once (opts: LoadOptions, seconds: number, measured: boolean): Promise<autocannon.Result> {
  const { next, onResponse } = opts
  return await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: { accept: 'application/json', ...opts.headers },
    connections: opts.connections,
    duration: seconds,
    timeout: 10,
    requests: next || onResponse
      ? [{
          ...(next ? { setupRequest: (req: autocannon.Request) => ({ ...req, ...next() }) } : {}),
          ...(onResponse && measured ? { onResponse: (status: number, body: string) => { onResponse(status, body) } } : {}),
        }]
      : undefined,
  } as autocannon.Options)
}

export async function load (opts: LoadOptions): Promise<LoadResult> {
  if (opts.warmupSeconds > 0) await once(opts, opts.warmupSeconds, false)
  const r = await once(opts, opts.durationSeconds, true)
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    meanMs: r.latency.average,
    errors: r.non2xx + r.errors + r.timeouts,
    ok2xx: r['2xx'],
    total: r.requests.total,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count])),
  }
}
