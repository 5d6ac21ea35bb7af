// The reference UI for the contract at /docs (Swagger UI, served from this app with no CDN).
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'

export default fp(async (app) => {
  await app.register(swagger, {
    mode: 'static',
    specification: { document: app.contract.document as never },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: true } })
}, { name: 'docs', dependencies: ['contract'] })
