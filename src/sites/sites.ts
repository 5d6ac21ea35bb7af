// Sites (tenants) and their topics: lookups that 404 cleanly, and the admin's create/update.
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { Prisma } from '../generated/prisma/client.js'
import type { Schemas } from '../contract/types.js'

export type SiteSettings = Schemas['SiteSettings']
export const defaultSiteSettings: Required<SiteSettings> = {
  smallCellK: 10,
  crisisResources: [],
  supportMessage: 'Thank you for telling us. What you describe sounds really hard, and you do not have to face it alone. If you are thinking about ending your life or hurting yourself, please reach out now to someone you trust or to one of these services.',
  reviewTargetsMinutes: { critical: 60, high: 1440, normal: 4320 },
  rateLimits: {},
}

const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === 'P2002'

export async function findSite (db: Db, slug: string) {
  const site = await db.site.findUnique({ where: { slug } })
  if (!site) throw errors.siteNotFound(slug)
  return site
}

/** The slug of the site a story or comment belongs to, or null when there is no such item. */
export async function siteSlugOfItem (db: Db, id: string): Promise<string | null> {
  const item = await db.story.findUnique({ where: { id }, select: { site: { select: { slug: true } } } })
  return item?.site.slug ?? null
}

export async function findTopic (db: Db, siteSlug: string, topicSlug: string) {
  const topic = await db.topic.findFirst({
    where: { slug: topicSlug, site: { slug: siteSlug } },
    include: { site: { select: { slug: true, settings: true } } },
  })
  if (!topic) {
    await findSite(db, siteSlug) // says which of the two is missing
    throw errors.topicNotFound(siteSlug, topicSlug)
  }
  return topic
}

export async function listTopics (db: Db, siteSlug: string) {
  const site = await findSite(db, siteSlug)
  return await db.topic.findMany({ where: { siteId: site.id }, orderBy: { slug: 'asc' } })
}

export async function createSite (db: Db, input: Schemas['SiteCreate']) {
  try {
    return await db.site.create({
      data: {
        slug: input.slug,
        name: input.name,
        allowedOrigins: input.allowedOrigins ?? [],
        settings: { ...input.settings },
      },
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.slugTaken('site', input.slug)
    throw e
  }
}

export async function updateSite (db: Db, slug: string, input: Schemas['SiteUpdate']) {
  const site = await findSite(db, slug)
  const data: Prisma.SiteUpdateInput = {}
  if (input.name !== undefined) data.name = input.name
  if (input.allowedOrigins !== undefined) data.allowedOrigins = input.allowedOrigins
  if (input.settings !== undefined) data.settings = mergedSettings(site.settings, input.settings)
  return await db.site.update({ where: { id: site.id }, data })
}

export async function createTopic (db: Db, siteSlug: string, input: Schemas['TopicCreate']) {
  const site = await findSite(db, siteSlug)
  try {
    return await db.topic.create({ data: { siteId: site.id, ...input } })
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.slugTaken('topic', input.slug)
    throw e
  }
}

export async function updateTopic (db: Db, siteSlug: string, topicSlug: string, input: Schemas['TopicUpdate']) {
  const topic = await findTopic(db, siteSlug, topicSlug)
  return await db.topic.update({ where: { id: topic.id }, data: input })
}

/** A change of settings over the stored ones: what it names replaces (inside the nested groups too), the rest stays. */
export function mergedSettings (stored: Prisma.JsonValue, change: SiteSettings): SiteSettings {
  const current = stored as SiteSettings
  const merged: SiteSettings = { ...current, ...change }
  if (change.reviewTargetsMinutes) merged.reviewTargetsMinutes = { ...current.reviewTargetsMinutes, ...change.reviewTargetsMinutes }
  if (change.rateLimits) merged.rateLimits = { ...current.rateLimits, ...change.rateLimits }
  return merged
}

export function siteSettings (stored: Prisma.JsonValue): Required<SiteSettings> {
  const settings = stored as SiteSettings
  return {
    ...defaultSiteSettings,
    ...settings,
    reviewTargetsMinutes: { ...defaultSiteSettings.reviewTargetsMinutes, ...settings.reviewTargetsMinutes },
  }
}

export function toSiteView (site: { slug: string, name: string, allowedOrigins: string[], settings: Prisma.JsonValue, createdAt: Date }) {
  return {
    slug: site.slug,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    settings: siteSettings(site.settings),
    createdAt: site.createdAt.toISOString(),
  }
}

export function toTopicView (topic: { slug: string, title: string, question: string }) {
  return { slug: topic.slug, title: topic.title, question: topic.question }
}
