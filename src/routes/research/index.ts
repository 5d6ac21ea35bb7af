// Research API: role researcher or admin, limited to the key's sites. Ratings, the export, the dictionary.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { ratingsCsv } from '../../research/csv.js'
import { researchDictionary } from '../../research/dictionary.js'
import { today } from '../../research/periods.js'

const research: FastifyPluginAsync = async (app) => {
  app.addHook('preParsing', app.requireRole(['researcher', 'admin']))
  const { research } = app.store

  app.route<RouteTypes<'getResearchRatings'>>({
    ...app.contract.route('getResearchRatings'),
    handler: async (request, reply) => {
      const { site, topic, from, to, interval = 'none', format = 'json' } = request.query
      const ratings = await research.ratings(request.principal!, { site, topic, from, to, interval })
      if (format === 'json') return ratings
      reply.header('content-disposition', `attachment; filename="candor-ratings-${site ?? 'all'}-${today()}.csv"`)
      return await reply.type('text/csv; charset=utf-8').send(ratingsCsv(ratings) as never)
    },
  })

  app.route<RouteTypes<'exportResearchStories'>>({
    ...app.contract.route('exportResearchStories'),
    handler: async (request, reply) => {
      const { site, topic, from, to, format = 'ndjson' } = request.query
      const stream = await research.export(request.principal!, { site, topic, from, to }, format, (err) => { if (err) request.log.info({ err: err.message }, 'research export stopped') })
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
