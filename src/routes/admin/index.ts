// Admin API: sites, topics and API keys (role admin).
import type { FastifyPluginAsync } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import { createApiKey, listApiKeys, revokeApiKey, toApiKeyView } from '../../keys/api-keys.js'
import { eraseOnRequest } from '../../stories/withdraw.js'
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../../webhooks/endpoints.js'
import { createSite, createTopic, findSite, toSiteView, toTopicView, updateSite, updateTopic } from '../../sites/sites.js'

const admin: FastifyPluginAsync<{ allowPrivateWebhooks: boolean }> = async (app, { allowPrivateWebhooks }) => {
  app.addHook('preParsing', app.requireRole(['admin']))

  app.route<RouteTypes<'listSites'>>({
    ...app.contract.route('listSites'),
    handler: async () => ({ items: (await app.db.site.findMany({ orderBy: { slug: 'asc' } })).map(toSiteView) }),
  })
  app.route<RouteTypes<'createSite'>>({
    ...app.contract.route('createSite'),
    handler: async (request, reply) => reply.code(201).send(toSiteView(await createSite(app.db, request.body))),
  })
  app.route<RouteTypes<'getSite'>>({
    ...app.contract.route('getSite'),
    handler: async (request) => toSiteView(await findSite(app.db, request.params.site)),
  })
  app.route<RouteTypes<'updateSite'>>({
    ...app.contract.route('updateSite'),
    handler: async (request) => toSiteView(await updateSite(app.db, request.params.site, request.body)),
  })

  app.route<RouteTypes<'createTopic'>>({
    ...app.contract.route('createTopic'),
    handler: async (request, reply) => reply.code(201).send(toTopicView(await createTopic(app.db, request.params.site, request.body))),
  })
  app.route<RouteTypes<'updateTopic'>>({
    ...app.contract.route('updateTopic'),
    handler: async (request) => toTopicView(await updateTopic(app.db, request.params.site, request.params.topic, request.body)),
  })

  app.route<RouteTypes<'listApiKeys'>>({
    ...app.contract.route('listApiKeys'),
    handler: async () => ({ items: (await listApiKeys(app.db)).map(toApiKeyView) }),
  })
  app.route<RouteTypes<'createApiKey'>>({
    ...app.contract.route('createApiKey'),
    handler: async (request, reply) => {
      const { record, key } = await createApiKey(app.db, request.body)
      return reply.code(201).send({ ...toApiKeyView(record), key })
    },
  })
  app.route<RouteTypes<'revokeApiKey'>>({
    ...app.contract.route('revokeApiKey'),
    handler: async (request, reply) => {
      await revokeApiKey(app.db, request.params.id)
      app.principals.forget()
      return reply.code(204).send()
    },
  })

  app.route<RouteTypes<'eraseStory'>>({
    ...app.contract.route('eraseStory'),
    handler: async (request, reply) => {
      await eraseOnRequest(app.db, request.params.id, request.principal!.keyId)
      app.publicViews.changed()
      return reply.code(204).send()
    },
  })

  app.route<RouteTypes<'listWebhooks'>>({
    ...app.contract.route('listWebhooks'),
    handler: async (request) => ({ items: await listWebhooks(app.db, request.params.site) }),
  })
  app.route<RouteTypes<'createWebhook'>>({
    ...app.contract.route('createWebhook'),
    handler: async (request, reply) => reply.code(201).send(await createWebhook(app.db, request.params.site, request.body, allowPrivateWebhooks)),
  })
  app.route<RouteTypes<'deleteWebhook'>>({
    ...app.contract.route('deleteWebhook'),
    handler: async (request, reply) => {
      await deleteWebhook(app.db, request.params.site, request.params.webhookId)
      return reply.code(204).send()
    },
  })
  app.route<RouteTypes<'listWebhookDeliveries'>>({
    ...app.contract.route('listWebhookDeliveries'),
    handler: async (request) => ({ items: await listDeliveries(app.db, request.params.site, request.params.webhookId, request.query.limit ?? 20) }),
  })
}

export default admin
