// A logger for tests that keeps every line it writes, through the app's own options.
import { Writable } from 'node:stream'
import { loggerOptions } from '../../src/logger.js'

/** A pino destination that keeps every line. Passing `logger` to buildApp replaces loggerOptions, so
 * this spreads the app's own options (redaction, serializers) and adds only the stream. */
export function capturedLogger () {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(String(chunk)); done() } })
  const options = loggerOptions({ logLevel: 'trace' }) as Exclude<ReturnType<typeof loggerOptions>, boolean | undefined>
  return { lines, logger: { ...options, stream } }
}
