// Recognises "the database is down or unreachable" among driver and Prisma errors, so the API can
// answer 503 (retry shortly) instead of 500 (our bug).
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist'])
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'])
// PostgreSQL SQLSTATEs for a server that is shutting down, starting up, or out of connections.
const sqlStates = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006'])

export function isDatabaseUnavailable (error: unknown): boolean {
  const e = error as { code?: string, message?: string, cause?: unknown, meta?: { driverAdapterError?: { cause?: { kind?: string, originalCode?: string } } } }
  if (typeof e !== 'object' || e === null) return false
  if (e.code && (prismaCodes.has(e.code) || socketCodes.has(e.code) || sqlStates.has(e.code))) return true
  const cause = e.meta?.driverAdapterError?.cause
  if (cause?.kind && adapterKinds.has(cause.kind)) return true
  if (cause?.originalCode && sqlStates.has(cause.originalCode)) return true
  if (e.code === 'P2010' && /can't reach database|connection (terminated|closed|refused)|timeout/i.test(e.message ?? '')) return true
  // pg-pool, when every connection is busy for longer than the connect timeout: overloaded, retry.
  if (/timeout exceeded when trying to connect/i.test(e.message ?? '')) return true
  return e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause)
}
