// Security headers on every response (@fastify/helmet). API answers are data, so their CSP allows
// nothing; the reference UI and the widget's demo page send their own policies, and the widget script
// itself is served cross-origin (see src/embed/plugin.ts).
import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'

export default fp(async (app) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    // Public reads are fetched cross-origin with CORS by design; CORP would only block no-cors loads.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })
}, { name: 'security-headers' })
