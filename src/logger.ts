// pino options: JSON logs (pretty only on a TTY) with secrets and personal data redacted.
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-manage-token"]',
  'req.headers.cookie',
  'req.remoteAddress',
  'req.ip',
  '*.authorEmail',
  '*.manageToken',
  '*.key',
]

export function loggerOptions (config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // No client IPs in logs: the request serializer keeps method, url and the request id only.
    serializers: {
      req: (req: { method: string, url: string, id: string }) => ({ method: req.method, url: req.url, id: req.id }),
    },
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  }
}
