// Public topic reads.
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { toTopicView } from '../../sites/sites.js'

const topics: FastifyPluginAsync = async (app) => {
  app.route<RouteTypes<'listTopics'>>({
    ...app.contract.route('listTopics'),
    handler: async (request) => ({ items: (await app.store.sites.listTopics(request.params.site)).map(toTopicView) }),
  })

  app.route<RouteTypes<'getTopic'>>({
    ...app.contract.route('getTopic'),
    handler: async (request) => toTopicView(await app.store.sites.topic(request.params.site, request.params.topic)),
  })
}

export default topics
