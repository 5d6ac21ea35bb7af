// What stories and comments share on the public side: the 201 receipt of a submission (with the manage
// token, and support when the text mentions self-harm; automated submissions get a look-alike one),
// and reporting and withdrawing, one pair of routes per kind.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import type { Receipt } from '../../store/item-actions.js'
import type { ItemService } from '../../store/store.js'

/** Answers 201 at `${path}/${id}`. */
export function sendReceipt (reply: FastifyReply, path: string, receipt: Receipt) {
  return reply.code(201).header('location', `${path}/${receipt.id}`).send({
    id: receipt.id,
    status: 'pending',
    manageToken: receipt.manageToken,
    createdAt: receipt.createdAt.toISOString(),
    ...(receipt.support ? { support: receipt.support } : {}),
  })
}

/** `POST …/{id}/reports` and `DELETE …/{id}` (with the manage token) for stories or for comments. */
export function reportAndWithdrawRoutes (app: FastifyInstance, items: ItemService, ops: { report: 'reportStory' | 'reportComment', withdraw: 'withdrawStory' | 'withdrawComment' }): void {
  // The two kinds' operations have the same parameters, bodies and answers.
  app.route<RouteTypes<'reportStory'>>({
    ...app.contract.route(ops.report),
    config: { rateLimit: app.limits.write, idempotent: { about: 'path' } },
    handler: async (request, reply) => {
      await items.report(request.params.id, request.clientHash, request.body)
      return reply.code(202).send({ status: 'received' })
    },
  })

  app.route<RouteTypes<'withdrawStory'>>({
    ...app.contract.route(ops.withdraw),
    config: { rateLimit: app.limits.write },
    preHandler: app.limits.manageToken,
    handler: async (request, reply) => {
      await items.withdraw(request.params.id, request.headers['x-manage-token'])
      return reply.code(204).send()
    },
  })
}
