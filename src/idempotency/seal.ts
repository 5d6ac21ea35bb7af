// Stored answers to Idempotency-Key requests are sealed (AES-256-GCM) under a key derived (HKDF-SHA256)
// from the client's Idempotency-Key and its request, which are never stored (the key only as a hash):
// a database dump cannot read the manage token in a stored 201, while the client replaying its own
// request gets it back. The seal is as strong as the Idempotency-Key is hard to guess.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'

const ivBytes = 12
const tagBytes = 16

export interface RequestSecrets {
  /** Stored: tells a replay from another request under the same key (422). */
  matchHash: string
  /** Never stored. */
  sealingKey: Buffer
}

/** What the table keeps instead of the Idempotency-Key: bound to the scope, so equal keys of two clients differ. */
export function keyHash (scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('hex')
}

/** `request` is the request's canonical text (method, URL, preconditions, body). */
export function requestSecrets (scope: string, key: string, request: string): RequestSecrets {
  const digest = (purpose: string) => createHash('sha256').update(`${purpose}\n${request}`).digest()
  const salt = digest('seal')
  return {
    matchHash: digest('match').toString('hex'),
    sealingKey: Buffer.from(hkdfSync('sha256', key, salt, `candor idempotent answer\n${scope}`, 32)),
  }
}

export function seal (text: string, key: Buffer): Buffer {
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed])
}

/** Throws when the key is not the one it was sealed with (or the bytes were altered). */
export function unseal (sealed: Uint8Array, key: Buffer): string {
  const bytes = Buffer.from(sealed)
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, ivBytes))
  decipher.setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes))
  return Buffer.concat([decipher.update(bytes.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8')
}
