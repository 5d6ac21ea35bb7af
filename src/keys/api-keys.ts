// API keys: create (the key is returned once), find by bearer token, list, revoke; what a key covers.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { Role } from '../generated/prisma/enums.js'
import { hashSecret, newSecret } from './tokens.js'

/** Who is calling, as far as authorisation cares. */
export interface Principal {
  keyId: string
  role: Role
  /** Site id → slug for the sites the key covers; `all` for admin keys. */
  sites: 'all' | Map<string, string>
}

const keyInclude = { sites: { select: { id: true, slug: true }, orderBy: { slug: 'asc' } } } as const

export interface NewApiKey {
  name: string
  role: Role
  sites?: string[]
}

export async function createApiKey (db: Db, input: NewApiKey, key = newSecret('cnd')) {
  const slugs = input.sites ?? []
  if (input.role === 'admin' && slugs.length > 0) throw errors.invalidKeySites('Admin keys cover every site; leave sites empty.')
  if (input.role !== 'admin' && slugs.length === 0) throw errors.invalidKeySites(`A ${input.role} key needs at least one site.`)
  const sites = await db.site.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
  const missing = slugs.find((slug) => !sites.some((s) => s.slug === slug))
  if (missing !== undefined) throw errors.siteNotFound(missing)
  const record = await db.apiKey.create({
    data: {
      name: input.name,
      role: input.role,
      prefix: key.slice(0, 12),
      hash: hashSecret(key),
      sites: { connect: sites.map((s) => ({ id: s.id })) },
    },
    include: keyInclude,
  })
  return { record, key }
}

export type ApiKeyRecord = Awaited<ReturnType<typeof createApiKey>>['record']

export async function listApiKeys (db: Db): Promise<ApiKeyRecord[]> {
  return await db.apiKey.findMany({ include: keyInclude, orderBy: { createdAt: 'desc' } })
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function revokeApiKey (db: Db, id: string): Promise<void> {
  if (!uuid.test(id)) throw errors.apiKeyNotFound()
  const { count } = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0 && !(await db.apiKey.findUnique({ where: { id }, select: { id: true } }))) throw errors.apiKeyNotFound()
}

export async function findPrincipal (db: Db, token: string, now = new Date()): Promise<Principal | null> {
  const key = await db.apiKey.findUnique({ where: { hash: hashSecret(token) }, include: keyInclude })
  if (!key || key.revokedAt) return null
  // Record use at most once a minute, so authentication stays a read.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } })
  }
  return {
    keyId: key.id,
    role: key.role,
    sites: key.role === 'admin' ? 'all' : new Map(key.sites.map((s) => [s.id, s.slug])),
  }
}

export function coversSite (principal: Principal, siteId: string): boolean {
  return principal.sites === 'all' || principal.sites.has(siteId)
}

/** The id of the site `slug`, if the key covers it: 403 before 404, so keys cannot probe for sites. */
export async function coveredSiteId (db: Db, principal: Principal, slug: string): Promise<string> {
  const found = await db.site.findUnique({ where: { slug }, select: { id: true } })
  if (principal.sites !== 'all' && !(found && principal.sites.has(found.id))) throw errors.siteNotCovered()
  if (!found) throw errors.siteNotFound(slug)
  return found.id
}

/** Site ids a moderation or research query may see: the key's sites, narrowed to `site` when given. */
export async function siteIdsInScope (db: Db, principal: Principal, site: string | undefined): Promise<string[] | 'all'> {
  if (site === undefined) return principal.sites === 'all' ? 'all' : [...principal.sites.keys()]
  return [await coveredSiteId(db, principal, site)]
}

/** The calling key as it may see itself: name, role and the slugs of the sites it covers (all of them for admin). */
export async function describeKey (db: Db, principal: Principal) {
  const key = await db.apiKey.findUniqueOrThrow({ where: { id: principal.keyId }, select: { id: true, name: true, role: true } })
  const sites = principal.sites === 'all'
    ? (await db.site.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } })).map((s) => s.slug)
    : [...principal.sites.values()].sort()
  return { ...key, sites, allSites: principal.sites === 'all' }
}

export function toApiKeyView (record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    sites: record.sites.map((s) => s.slug),
    prefix: record.prefix,
    createdAt: record.createdAt.toISOString(),
    revokedAt: record.revokedAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  }
}
