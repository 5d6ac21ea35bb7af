// Sites and topics: the admin's reads and edits, and the lookups every public request makes, cached
// per instance (topics 10 s, a site's allowed origins and rate limits 30 s, an item's site 5 min) and
// dropped when a site or topic changes.
import type { Change } from '../changes/change.js'
import type { Schemas } from '../contract/types.js'
import { createSite, createTopic, findSite, findTopic, listTopics, siteSettings, siteSlugOfItem, updateSite, updateTopic } from '../sites/sites.js'
import { cached } from './cached.js'
import type { Droppable } from './caches.js'
import type { ServiceContext } from './context.js'

/** What a public write needs of its site. */
interface WriteSettings { origins: string[], limits: ReturnType<typeof siteSettings>['rateLimits'] }

const NO_SITE: WriteSettings = { origins: [], limits: {} }

export function sitesService ({ db, committed }: ServiceContext) {
  const topics = cached(10_000, async (key: `${string}/${string}`) => {
    const [site = '', topic = ''] = key.split('/')
    return await findTopic(db, site, topic)
  })
  const writeSettings = cached(30_000, async (slug: string): Promise<WriteSettings> => {
    const site = slug ? await db.site.findUnique({ where: { slug }, select: { allowedOrigins: true, settings: true } }) : null
    return site ? { origins: site.allowedOrigins, limits: siteSettings(site.settings).rateLimits } : NO_SITE
  })
  // Items never change site, so this one is never dropped.
  const itemSites = cached(300_000, async (id: string) => await siteSlugOfItem(db, id) ?? '')
  const siteOfItem = async (id: string): Promise<string> => await itemSites.get(id, undefined)

  const caches: Droppable = {
    drop: (change: Change) => {
      if (change.area !== 'site' && change.area !== 'topic') return
      const { site } = change
      topics.dropWhere((key) => change.area === 'topic' ? key === `${site}/${change.topic}` : key.startsWith(`${site}/`))
      if (change.area !== 'site') return
      writeSettings.drop(site)
    },
    clear: () => { topics.clear(); writeSettings.clear() },
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
      (await writeSettings.get('slug' in where ? where.slug : await siteOfItem(where.itemId), undefined)).origins,
    /** The site's own write limits (each may be absent: the configured default applies). */
    writeLimits: async (slug: string) => (await writeSettings.get(slug, undefined)).limits,
    /** The slug of the site an item belongs to, '' when there is no such item. */
    siteOfItem,
  }
}

export type SitesService = ReturnType<typeof sitesService>
