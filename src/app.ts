// Builds the Candor Fastify app from a Config. Never listens: src/server.ts does that.
import AjvCompiler from '@fastify/ajv-compiler'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import { loadContract, type Contract } from './contract/contract.js'
import auth from './plugins/auth.js'
import cors from './plugins/cors.js'
import securityHeaders from './plugins/security-headers.js'
import clientIdentity from './plugins/client-identity.js'
import webhooks from './plugins/webhooks.js'
import contractPlugin from './plugins/contract.js'
import store from './plugins/store.js'
import docs from './plugins/docs.js'
import embed from './embed/plugin.js'
import consolePlugin from './console/plugin.js'
import { errors } from './errors.js'
import errorsPlugin, { clientErrorHandler, sendProblem } from './plugins/errors.js'
import { installJsonBodyParser } from './plugins/json-body.js'
import metrics from './plugins/metrics.js'
import housekeeping from './plugins/housekeeping.js'
import publicCache from './plugins/public-cache.js'
import idempotency from './plugins/idempotency.js'
import rateLimit from './plugins/rate-limit.js'
import admin from './routes/admin/index.js'
import keys from './routes/keys/index.js'
import moderation from './routes/moderation/index.js'
import operations from './routes/operations/index.js'
import research from './routes/research/index.js'
import publicRoutes from './routes/public/index.js'
import { loggerOptions } from './logger.js'
import type { Resolver } from './webhooks/url-safety.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Start refusing new requests with 503 (before close(), during shutdown). */
    drain: () => void
  }
}

export interface BuildOptions {
  /** A pre-loaded contract (tests load it once). */
  contract?: Contract
  /** Overrides for Fastify's logger (tests capture or silence it). */
  logger?: FastifyServerOptions['logger']
  /** How often housekeeping looks for overdue stories (tests shorten it). */
  overdueScanMs?: number
  /** How webhook endpoint names are resolved at delivery (tests inject a DNS that changes its answer). */
  webhookResolver?: Resolver
}

/**
 * Two validators from the contract: bodies are checked strictly (no type coercion: `"5"` is not 5),
 * while path, query and headers, which are always strings on the wire, are coerced to their types.
 */
function contractValidators (): NonNullable<FastifyServerOptions['schemaController']> {
  const pool = AjvCompiler()
  const common = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false }
  return {
    compilersFactory: {
      buildValidator: (externalSchemas) => {
        const strictBodies = pool(externalSchemas, { customOptions: { ...common, coerceTypes: false } })
        const coercing = pool(externalSchemas, { customOptions: { ...common, coerceTypes: 'array' } })
        return (route) => (route.httpPart === 'body' ? strictBodies(route) : coercing(route))
      },
    },
  }
}

export async function buildApp (config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  if (!config.databaseUrl) throw new Error('buildApp needs config.databaseUrl (server.ts starts the embedded database)')
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config),
    // Named proxies only: a hop count is silently ignored by Fastify 5, and `true` would let any
    // client choose its own address (and so dodge rate limits).
    trustProxy: config.trustProxy ?? false,
    bodyLimit: config.bodyLimitBytes,
    schemaController: contractValidators(),
    // Shutdown answers come from the draining hook below, as problem+json.
    return503OnClosing: false,
    // Errors the router raises before any hook runs still leave as problem+json.
    clientErrorHandler,
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? errors.uriTooLong()
        : errors.malformedUrl())
    },
  })
  // Graceful shutdown, step one: while draining, every new request gets a 503 problem with
  // `Connection: close`, so clients move to another instance instead of meeting a reset.
  let draining = false
  app.decorate('drain', () => { draining = true })
  app.addHook('onRequest', (_request, _reply, done) => {
    if (!draining) { done(); return }
    done(errors.shuttingDown())
  })
  // Only JSON bodies are accepted; anything else is 415 rather than a confusing validation error.
  app.removeContentTypeParser(['text/plain'])
  installJsonBodyParser(app)

  await app.register(contractPlugin, { contract: opts.contract ?? await loadContract() })
  await app.register(errorsPlugin)
  await app.register(metrics)
  await app.register(store, { config: { ...config, databaseUrl: config.databaseUrl } })
  await app.register(securityHeaders)
  await app.register(cors)
  await app.register(auth)
  await app.register(clientIdentity, { secret: config.ipHashSecret })
  await app.register(rateLimit, { config })
  await app.register(idempotency)
  await app.register(housekeeping, opts.overdueScanMs !== undefined ? { overdueScanMs: opts.overdueScanMs } : {})
  await app.register(publicCache, { ttlMs: config.publicCacheMs })
  await app.register(webhooks, opts.webhookResolver ? { resolve: opts.webhookResolver } : {})
  await app.register(docs)
  await app.register(embed)
  await app.register(consolePlugin)

  await app.register(operations, { metricsToken: config.metricsToken })
  await app.register(publicRoutes)
  await app.register(keys)
  await app.register(moderation)
  await app.register(admin)
  await app.register(research)
  return app
}
