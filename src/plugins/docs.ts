// The reference UI for the contract at /docs (Swagger UI, served from this app with no CDN), under a
// Content-Security-Policy that names only this origin and the one inline style Swagger UI adds.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'

/**
 * Swagger UI's bundle inserts one <style> element (its hash below, for the pinned
 * @fastify/swagger-ui version); tests/contract/docs-csp.test.ts fails if an upgrade changes it.
 */
const docsPolicy = {
  'default-src': "'none'",
  'base-uri': "'none'",
  'connect-src': "'self'",
  'font-src': "'self' data:",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'img-src': "'self' data:",
  'object-src': "'none'",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': "'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
}

export default fp(async (app) => {
  await app.register(swagger, {
    mode: 'static',
    specification: { document: app.contract.document as never },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: docsPolicy,
    // No validator badge: it would fetch an image from validator.swagger.io.
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
  })
}, { name: 'docs', dependencies: ['contract'] })
