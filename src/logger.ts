// pino options: JSON logs (pretty only on a TTY) with secrets and personal data redacted.
import { createRequire } from 'node:module'
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

// A key pasted into a query string (`?key=…`, `?access_token=…`) would otherwise be logged with the URL.
const secretName = /key|token|secret|passw|auth|signature|credential/i
const secretShape = /(?:cnd|mt|whsec)_[\w-]{16,}/g

function decoded (text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** The URL as logged: query values named like secrets or shaped like Candor's keys and tokens are redacted. */
export function loggedUrl (url: string): string {
  const mark = url.indexOf('?')
  const path = (mark < 0 ? url : url.slice(0, mark)).replace(secretShape, '[redacted]')
  if (mark < 0) return path
  const pairs = url.slice(mark + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    if (eq < 0) return pair.replace(secretShape, '[redacted]')
    const name = pair.slice(0, eq)
    const value = decoded(pair.slice(eq + 1))
    return secretName.test(decoded(name)) || value.match(secretShape) ? `${name}=[redacted]` : pair
  })
  return `${path}?${pairs.join('&')}`
}

export function loggerOptions (config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // No client IPs in logs: the request serializer keeps method, url (secrets redacted) and the request id only.
    serializers: {
      req: (req: { method: string, url: string, id: string }) => ({ method: req.method, url: loggedUrl(req.url), id: req.id }),
    },
    ...(prettyLogs() ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  }
}

/**
 * Pretty logs for a person at a terminal, when pino-pretty is installed. It is a devDependency, so
 * the production image (`docker run -it` gives it a TTY) has none and keeps JSON logs.
 */
export function prettyLogs (tty = process.stdout.isTTY === true, installed = resolvable('pino-pretty')): boolean {
  return tty && installed
}

function resolvable (name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name)
    return true
  } catch {
    return false
  }
}
