// Research API: role researcher or admin, limited to the key's sites. Ratings, the export, the dictionary.
import type { FastifyPluginAsync } from 'fastify'
import pg from 'pg'
import type { RouteTypes } from '../../contract/types.js'
import { ratingsCsv } from '../../research/csv.js'
import { researchDictionary } from '../../research/dictionary.js'
import { openExport } from '../../research/export.js'
import { exportIdKey } from '../../research/export-key.js'
import { today } from '../../research/periods.js'
import { researchRatings } from '../../research/ratings.js'
import { resolveScope } from '../../research/scope.js'

export interface ResearchOptions {
  databaseUrl: string
  /** Key for export ids; default: derived from the database (see export-key.ts). */
  exportIdSecret?: string | undefined
}

const research: FastifyPluginAsync<ResearchOptions> = async (app, opts) => {
  app.addHook('preParsing', app.requireRole(['researcher', 'admin']))
  // Exports hold a connection for their whole length: their own small pool, apart from Prisma's.
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 4, connectionTimeoutMillis: 2000, application_name: 'candor-research-export' })
  // An idle connection the server ends (restart, failover) is dropped by the pool; without a listener it would crash the process.
  pool.on('error', (err) => { app.log.warn({ err: err.message }, 'research export connection lost') })
  app.addHook('onClose', async () => { await pool.end() })
  let key: Promise<Buffer> | undefined

  app.route<RouteTypes<'getResearchRatings'>>({
    ...app.contract.route('getResearchRatings'),
    handler: async (request, reply) => {
      const { site, topic, from, to, interval = 'none', format = 'json' } = request.query
      const ratings = await researchRatings(app.db, request.principal!, { site, topic, from, to, interval })
      if (format === 'json') return ratings
      reply.header('content-disposition', `attachment; filename="candor-ratings-${site ?? 'all'}-${today()}.csv"`)
      return await reply.type('text/csv; charset=utf-8').send(ratingsCsv(ratings) as never)
    },
  })

  app.route<RouteTypes<'exportResearchStories'>>({
    ...app.contract.route('exportResearchStories'),
    handler: async (request, reply) => {
      const { site, topic, from, to, format = 'ndjson' } = request.query
      const scope = await resolveScope(app.db, request.principal!, { site, topic, from, to })
      key ??= exportIdKey(app.db, opts.exportIdSecret)
      const stream = await openExport(pool, scope, format, await key, (err) => { if (err) request.log.info({ err: err.message }, 'research export stopped') })
      reply.header('content-disposition', `attachment; filename="candor-stories-${site ?? 'all'}-${today()}.${format}"`)
      return await reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8').send(stream)
    },
  })

  app.route<RouteTypes<'getResearchDictionary'>>({
    ...app.contract.route('getResearchDictionary'),
    handler: async () => researchDictionary(),
  })
}

export default research
