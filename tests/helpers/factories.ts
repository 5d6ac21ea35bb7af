// Small factories for test data: sites, topics, keys, and stories submitted and decided over HTTP.
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../src/db/client.js'
import { createApiKey } from '../../src/keys/api-keys.js'
import type { Role } from '../../src/generated/prisma/enums.js'
import { createSite, createTopic } from '../../src/sites/sites.js'

let counter = 0
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`

export async function siteWithTopic (db: Db, siteSlug = unique('site'), topicSlug = 'craniosacral-massage') {
  const site = await createSite(db, { slug: siteSlug, name: `Site ${siteSlug}`, allowedOrigins: ['https://example.org'] })
  const topic = await createTopic(db, site.slug, { slug: topicSlug, title: 'Craniosacral massage', question: 'Did it work for you?' })
  return { site, topic, storiesUrl: `/v1/sites/${site.slug}/topics/${topic.slug}/stories` }
}

export async function apiKey (db: Db, role: Role, sites: string[] = []): Promise<string> {
  return (await createApiKey(db, { name: `${role} test key`, role, sites })).key
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

export function storyInput (overrides: Record<string, unknown> = {}) {
  return {
    title: 'Gentle and it helped',
    body: 'Five gentle sessions for tension headaches; they are much less frequent now.',
    verdict: 'effective',
    consent: { publish: true, research: false },
    ...overrides,
  }
}

let visitor = 0
/** A different visitor address each time, as if each story came from someone else. */
export const nextVisitor = (): string => `198.18.${Math.floor(++visitor / 250)}.${(visitor % 250) + 1}`

export async function submit (app: FastifyInstance, storiesUrl: string, overrides: Record<string, unknown> = {}) {
  const res = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput(overrides), remoteAddress: nextVisitor() })
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string, manageToken: string }>()
}

/** Reads the item's ETag and sends `payload` with it as If-Match to `/v1/moderation/stories/{id}/<action>`, as a moderator client would. */
async function withETag (app: FastifyInstance, key: string, id: string, method: 'POST' | 'PUT', action: string, payload: Record<string, unknown>) {
  const read = await app.inject({ method: 'GET', url: `/v1/moderation/stories/${id}`, headers: bearer(key) })
  return await app.inject({ method, url: `/v1/moderation/stories/${id}/${action}`, headers: { ...bearer(key), 'if-match': String(read.headers.etag) }, payload })
}

/** Applies a decision to the item's current version. */
export const decideOn = (app: FastifyInstance, key: string, id: string, body: Record<string, unknown>) => withETag(app, key, id, 'POST', 'decision', body)

/** Corrects the triage of the item's current version. */
export const correctOn = (app: FastifyInstance, key: string, id: string, body: Record<string, unknown>) => withETag(app, key, id, 'PUT', 'triage', body)
