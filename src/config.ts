// The only reader of process.env: one schema, the Config type derived from it, fail fast on bad values.
import { z } from 'zod'

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const configSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A PostgreSQL URL; without one, an embedded PostgreSQL runs under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  /** Load the demo site once: `auto` does so only for the embedded database. */
  DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Apply pending migrations at start (otherwise run `npm run db:migrate`). */
  MIGRATE_ON_START: bool.default(true),
  /** Becomes the first admin key if no admin key exists yet. */
  BOOTSTRAP_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Proxies whose X-Forwarded-For to trust: comma-separated addresses or CIDRs, or `loopback`, `uniquelocal`. */
  TRUST_PROXY: z.string().regex(/^[\w.:/, -]+$/, 'must be addresses, CIDRs or proxy-addr names, comma-separated').optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Requests presenting a manage token (author view, edit, withdrawal), right or wrong, per client. */
  RATE_LIMIT_TOKEN_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_ENABLED: bool.default(true),
  /** How long each instance keeps a public list or story it has rendered (0 = not at all). */
  PUBLIC_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Key for hashing client IPs (rate limits, duplicate reports); IPs themselves are never stored. */
  IP_HASH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** On SIGTERM, how long to keep answering 503 (Connection: close) before closing the listener. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(8000).default(1000),
  CLAIM_LEASE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  /** Worker threads that triage long texts off the event loop (0 = triage everything on the event loop). */
  TRIAGE_THREADS: z.coerce.number().int().min(0).max(16).default(1),
  /** Texts up to this many characters (title and body) are triaged on the event loop (about 1 ms per 2,000). */
  TRIAGE_INLINE_CHARS: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** Let webhooks reach loopback, private and link-local addresses, and plain http (tests, labs). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
})

export type Env = z.input<typeof configSchema>

export interface Config {
  host: string
  port: number
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL']
  databaseUrl: string | undefined
  dataDir: string
  demoData: 'auto' | 'true' | 'false'
  migrateOnStart: boolean
  bootstrapAdminKey: string | undefined
  redisUrl: string | undefined
  trustProxy: string | undefined
  bodyLimitBytes: number
  rateLimit: { enabled: boolean, readsPerMinute: number, writesPerMinute: number, tokenChecksPerMinute: number }
  publicCacheMs: number
  /** Undefined means a random key per process: fine for one instance, set it when running several. */
  ipHashSecret: string | undefined
  shutdownDrainMs: number
  claimLeaseSeconds: number
  triage: { threads: number, inlineChars: number }
  /** Bearer token that opens /metrics to other hosts; without it, only loopback may read them. */
  metricsToken: string | undefined
  webhooks: { allowPrivate: boolean, pollMs: number, maxAttempts: number }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses environment variables into a Config; throws ConfigError naming every bad variable. */
export function loadConfig (env: Record<string, string | undefined> = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = configSchema.safeParse(blanksRemoved)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    demoData: e.DEMO_DATA,
    migrateOnStart: e.MIGRATE_ON_START,
    bootstrapAdminKey: e.BOOTSTRAP_ADMIN_KEY,
    redisUrl: e.REDIS_URL,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimit: {
      enabled: e.RATE_LIMIT_ENABLED,
      readsPerMinute: e.RATE_LIMIT_READS_PER_MINUTE,
      writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE,
      tokenChecksPerMinute: e.RATE_LIMIT_TOKEN_CHECKS_PER_MINUTE,
    },
    publicCacheMs: e.PUBLIC_CACHE_MS,
    ipHashSecret: e.IP_HASH_SECRET,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    claimLeaseSeconds: e.CLAIM_LEASE_SECONDS,
    triage: { threads: e.TRIAGE_THREADS, inlineChars: e.TRIAGE_INLINE_CHARS },
    metricsToken: e.METRICS_TOKEN,
    webhooks: { allowPrivate: e.WEBHOOK_ALLOW_PRIVATE, pollMs: e.WEBHOOK_POLL_MS, maxAttempts: e.WEBHOOK_MAX_ATTEMPTS },
  }
}
