// Attaches hooks only to the routes that opt in through their config, so that every other request
// skips them (a global hook costs each request a call and a promise even when it has nothing to do).
import type { FastifyInstance, RouteOptions } from 'fastify'

type HookName = 'onRequest' | 'preHandler' | 'onSend'
type Hooks = Partial<Record<HookName, unknown>>

/** Before the route's own hooks of the same kind, as a global hook would run. */
export function hooksForRoutes (app: FastifyInstance, optedIn: (config: NonNullable<RouteOptions['config']>) => boolean, hooks: Hooks): void {
  app.addHook('onRoute', (route) => {
    if (!optedIn(route.config ?? {})) return
    const options = route as unknown as Record<HookName, unknown>
    for (const [name, hook] of Object.entries(hooks) as Array<[HookName, unknown]>) {
      const own = options[name]
      options[name] = [hook, ...(own === undefined ? [] : Array.isArray(own) ? own : [own])]
    }
  })
}
