// Secrets handed to people (API keys, manage tokens): random, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newSecret (prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/** A fast hash is right here: the secrets carry 256 random bits, so there is nothing to brute-force. */
export function hashSecret (secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function secretMatches (secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex')
  const expected = Buffer.from(expectedHash, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
