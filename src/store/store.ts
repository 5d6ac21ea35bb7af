// The store: one per app instance. It owns every connection (pools.ts), the triage workers
// (triage/runner.ts), the per-instance caches and the change bus, and offers the areas' services. A service runs its queries on the driver it chose and,
// after a change commits, hands what it changed to the after-commit step.
import type { FastifyBaseLogger } from 'fastify'
import { afterCommit, type AfterCommitParts } from '../changes/after-commit.js'
import { changeBus } from '../changes/bus.js'
import type { Change } from '../changes/change.js'
import type { Config } from '../config.js'
import { triageRunner } from '../triage/runner.js'
import { cacheSet } from './caches.js'
import { commentsService } from './comments-service.js'
import type { ServiceContext } from './context.js'
import { keysService } from './keys-service.js'
import { moderationService } from './moderation-service.js'
import { openPools } from './pools.js'
import { researchService } from './research-service.js'
import { sitesService } from './sites-service.js'
import { storiesService } from './stories-service.js'
import { upkeepService } from './upkeep-service.js'
import { webhooksService } from './webhooks-service.js'

export interface StoreOptions {
  config: Pick<Config, 'databaseUrl' | 'redisUrl' | 'claimLeaseSeconds' | 'webhooks' | 'triage'> & { databaseUrl: string }
  log: FastifyBaseLogger
  metrics: AfterCommitParts['metrics']
}

export function openStore ({ config, log, metrics }: StoreOptions) {
  const pools = openPools(config.databaseUrl, config.redisUrl, log)
  const caches = cacheSet()
  const triage = triageRunner(config.triage.threads, config.triage.inlineChars)
  const redis = config.redisUrl !== undefined && pools.redis !== undefined ? { url: config.redisUrl, commands: pools.redis } : undefined
  const bus = changeBus({ databaseUrl: config.databaseUrl, redis, pool: pools.pool, log, drop: caches.drop, clear: caches.clear })
  // Bound late: the webhooks service is built with the context that holds this step.
  let step: (change: Change) => void = () => {}
  const context: ServiceContext = { db: pools.db, pool: pools.pool, exportPool: pools.exportPool, committed: (change) => { step(change) }, triage: triage.run }
  const services = {
    sites: sitesService(context),
    keys: keysService(context),
    stories: storiesService(context),
    comments: commentsService(context),
    moderation: moderationService(context, config.claimLeaseSeconds),
    research: researchService(context),
    webhooks: webhooksService(context, config.webhooks),
    upkeep: upkeepService(context),
  }
  step = afterCommit({ caches, publish: bus.publish, kickWebhooks: services.webhooks.kick, metrics })
  caches.add(services.sites.caches)
  caches.add(services.keys.caches)
  return {
    ...services,
    /** The Redis command connection, with REDIS_URL: the rate limiter counts on it. */
    redis: pools.redis,
    /** Add a cache kept outside the store (the public pages) to those dropped on every change. */
    caches: { add: caches.add },
    /** Start listening to other instances' changes (before serving). */
    listen: bus.start,
    close: async () => {
      await services.webhooks.stopDelivering()
      await bus.stop()
      await pools.close()
      await triage.close()
    },
  }
}

export type Store = ReturnType<typeof openStore>
/** The service of either kind of item, for what stories and comments share. */
export type ItemService = Store['stories'] | Store['comments']
