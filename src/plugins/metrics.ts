// Prometheus metrics on a registry owned by this app instance (several apps can share a process).
import fp from 'fastify-plugin'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export interface AppMetrics {
  registry: Registry
  storiesSubmitted: Counter<'level'>
  decisions: Counter<'action'>
  webhookDeliveries: Counter<'outcome'>
  spam: Counter<'reason'>
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics
  }
}

export default fp(async (app) => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by route template and status.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const metrics: AppMetrics = {
    registry,
    storiesSubmitted: new Counter({ name: 'candor_stories_submitted_total', help: 'Stories accepted, by triage level.', labelNames: ['level'], registers: [registry] }),
    decisions: new Counter({ name: 'candor_moderation_decisions_total', help: 'Moderator decisions, by action.', labelNames: ['action'], registers: [registry] }),
    spam: new Counter({ name: 'candor_spam_submissions_total', help: 'Submissions answered but not stored, by sign of automation.', labelNames: ['reason'], registers: [registry] }),
    webhookDeliveries: new Counter({ name: 'candor_webhook_deliveries_total', help: 'Webhook delivery attempts, by outcome.', labelNames: ['outcome'], registers: [registry] }),
  }
  app.decorate('metrics', metrics)
  app.addHook('onResponse', async (request, reply) => {
    // Unknown routes share one label so that probing cannot blow up the series count.
    const route = request.routeOptions.url ?? 'unmatched'
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })
}, { name: 'metrics' })
