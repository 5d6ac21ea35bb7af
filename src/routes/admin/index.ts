// Admin API: sites, topics and API keys (role admin).
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { toApiKeyView } from '../../keys/api-keys.js'
import { toSiteView, toTopicView } from '../../sites/sites.js'

const admin: FastifyPluginAsync = async (app) => {
  app.addHook('preParsing', app.requireRole(['admin']))
  const { sites, keys, stories, webhooks } = app.store

  app.route<RouteTypes<'listSites'>>({
    ...app.contract.route('listSites'),
    handler: async () => ({ items: (await sites.list()).map(toSiteView) }),
  })
  app.route<RouteTypes<'createSite'>>({
    ...app.contract.route('createSite'),
    handler: async (request, reply) => reply.code(201).send(toSiteView(await sites.create(request.body))),
  })
  app.route<RouteTypes<'getSite'>>({
    ...app.contract.route('getSite'),
    handler: async (request) => toSiteView(await sites.get(request.params.site)),
  })
  app.route<RouteTypes<'updateSite'>>({
    ...app.contract.route('updateSite'),
    handler: async (request) => toSiteView(await sites.update(request.params.site, request.body)),
  })

  app.route<RouteTypes<'createTopic'>>({
    ...app.contract.route('createTopic'),
    handler: async (request, reply) => reply.code(201).send(toTopicView(await sites.createTopic(request.params.site, request.body))),
  })
  app.route<RouteTypes<'updateTopic'>>({
    ...app.contract.route('updateTopic'),
    handler: async (request) => toTopicView(await sites.updateTopic(request.params.site, request.params.topic, request.body)),
  })

  app.route<RouteTypes<'listApiKeys'>>({
    ...app.contract.route('listApiKeys'),
    handler: async () => ({ items: (await keys.list()).map(toApiKeyView) }),
  })
  app.route<RouteTypes<'createApiKey'>>({
    ...app.contract.route('createApiKey'),
    handler: async (request, reply) => {
      const { record, key } = await keys.create(request.body)
      return reply.code(201).send({ ...toApiKeyView(record), key })
    },
  })
  app.route<RouteTypes<'revokeApiKey'>>({
    ...app.contract.route('revokeApiKey'),
    handler: async (request, reply) => {
      await keys.revoke(request.params.id)
      return reply.code(204).send()
    },
  })

  app.route<RouteTypes<'eraseStory'>>({
    ...app.contract.route('eraseStory'),
    handler: async (request, reply) => {
      await stories.erase(request.params.id, request.principal!.keyId)
      return reply.code(204).send()
    },
  })

  app.route<RouteTypes<'listWebhooks'>>({
    ...app.contract.route('listWebhooks'),
    handler: async (request) => ({ items: await webhooks.list(request.params.site) }),
  })
  app.route<RouteTypes<'createWebhook'>>({
    ...app.contract.route('createWebhook'),
    handler: async (request, reply) => reply.code(201).send(await webhooks.create(request.params.site, request.body)),
  })
  app.route<RouteTypes<'deleteWebhook'>>({
    ...app.contract.route('deleteWebhook'),
    handler: async (request, reply) => {
      await webhooks.delete(request.params.site, request.params.webhookId)
      return reply.code(204).send()
    },
  })
  app.route<RouteTypes<'listWebhookDeliveries'>>({
    ...app.contract.route('listWebhookDeliveries'),
    handler: async (request) => ({ items: await webhooks.deliveries(request.params.site, request.params.webhookId, request.query.limit ?? 20) }),
  })
}

export default admin
