// Sites and topics: the admin's reads and edits, and the lookups every public request makes, cached
// per instance (topics 10 s, allowed origins and rate limits 30 s, an item's site 5 min) and dropped
// when a site or topic changes.
import type { Change } from '../changes/change.js'
import type { Schemas } from '../contract/types.js'
import { createSite, createTopic, findSite, findTopic, listTopics, siteSettings, siteSlugOfItem, updateSite, updateTopic } from '../sites/sites.js'
import { cached } from './cached.js'
import type { Droppable } from './caches.js'
import type { ServiceContext } from './context.js'

/** The allowed origins of a site, named by slug or by one of its stories or comments (`story:<id>`). */
interface Origins { site: string | null, origins: string[] }

export function sitesService ({ db, committed }: ServiceContext) {
  const topics = cached(10_000, async (key: `${string}/${string}`) => {
    const [site = '', topic = ''] = key.split('/')
    return await findTopic(db, site, topic)
  })
  const origins = cached(30_000, async (key: string): Promise<Origins> => {
    const site = key.startsWith('story:')
      ? (await db.story.findUnique({ where: { id: key.slice(6) }, select: { site: { select: { slug: true, allowedOrigins: true } } } }))?.site
      : await db.site.findUnique({ where: { slug: key }, select: { slug: true, allowedOrigins: true } })
    return { site: site?.slug ?? null, origins: site?.allowedOrigins ?? [] }
  })
  const limits = cached(30_000, async (slug: string) => {
    const site = slug ? await db.site.findUnique({ where: { slug }, select: { settings: true } }) : null
    return site ? siteSettings(site.settings).rateLimits : {}
  })
  // Items never change site, so this one is never dropped.
  const itemSites = cached(300_000, async (id: string) => await siteSlugOfItem(db, id) ?? '')

  const caches: Droppable = {
    drop: (change: Change) => {
      if (change.area !== 'site' && change.area !== 'topic') return
      const { site } = change
      topics.dropWhere((key) => change.area === 'topic' ? key === `${site}/${change.topic}` : key.startsWith(`${site}/`))
      if (change.area !== 'site') return
      origins.dropWhere((key, value) => key === site || value.site === site)
      limits.drop(site)
    },
    clear: () => { topics.clear(); origins.clear(); limits.clear() },
  }

  return {
    caches,
    list: async () => await db.site.findMany({ orderBy: { slug: 'asc' } }),
    get: async (slug: string) => await findSite(db, slug),
    create: async (input: Schemas['SiteCreate']) => {
      const site = await createSite(db, input)
      committed({ area: 'site', site: site.slug })
      return site
    },
    update: async (slug: string, input: Schemas['SiteUpdate']) => {
      const site = await updateSite(db, slug, input)
      committed({ area: 'site', site: site.slug })
      return site
    },
    createTopic: async (site: string, input: Schemas['TopicCreate']) => {
      const topic = await createTopic(db, site, input)
      committed({ area: 'topic', site, topic: topic.slug })
      return topic
    },
    updateTopic: async (site: string, slug: string, input: Schemas['TopicUpdate']) => {
      const topic = await updateTopic(db, site, slug, input)
      committed({ area: 'topic', site, topic: topic.slug })
      return topic
    },
    listTopics: async (site: string) => await listTopics(db, site),
    /** A topic with its site's slug and settings (on every public request). */
    topic: async (site: string, topic: string) => await topics.get(`${site}/${topic}`, undefined),
    /** Origins allowed to write to a site, named by slug or by one of its items. */
    writeOrigins: async (where: { slug: string } | { itemId: string }) =>
      (await origins.get('slug' in where ? where.slug : `story:${where.itemId}`, undefined)).origins,
    /** The site's own write limits (each may be absent: the configured default applies). */
    writeLimits: async (slug: string) => await limits.get(slug, undefined),
    /** The slug of the site an item belongs to, '' when there is no such item. */
    siteOfItem: async (id: string) => await itemSites.get(id, undefined),
  }
}

export type SitesService = ReturnType<typeof sitesService>
