// What stories and comments share on the public side: automated submissions get a decoy receipt and
// store nothing, real ones a 201 with the manage token (and support when the text mentions self-harm);
// reporting and withdrawing are one pair of routes per kind.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { RouteTypes } from '../../contract/types.js'
import type { ItemKind } from '../../moderation/items.js'
import { report } from '../../reports/reports.js'
import { withdraw } from '../../stories/withdraw.js'
import { automationSign, decoyReceipt } from '../../stories/spam.js'
import type { storeSubmission } from '../../stories/submit.js'

type Stored = Awaited<ReturnType<typeof storeSubmission>>

/** Stores through `store` unless the form shows signs of automation; answers 201 at `${path}/${id}`. */
export async function receiveSubmission (
  app: FastifyInstance, reply: FastifyReply, path: string, form: { website?: string, fillMs?: number }, store: () => Promise<Stored>,
) {
  const spam = automationSign(form)
  if (spam) {
    app.metrics.spam.inc({ reason: spam })
    const { story, manageToken } = decoyReceipt()
    return reply.code(201).header('location', `${path}/${story.id}`)
      .send({ id: story.id, status: 'pending', manageToken, createdAt: story.createdAt.toISOString() })
  }
  const { item, manageToken, triage, support } = await store()
  app.metrics.storiesSubmitted.inc({ level: triage.level })
  app.webhooks.kick()
  return reply.code(201).header('location', `${path}/${item.id}`).send({
    id: item.id,
    status: 'pending',
    manageToken,
    createdAt: item.createdAt.toISOString(),
    ...(support ? { support } : {}),
  })
}

/** `POST …/{id}/reports` and `DELETE …/{id}` (with the manage token) for stories or for comments. */
export function reportAndWithdrawRoutes (app: FastifyInstance, kind: ItemKind, ops: { report: 'reportStory' | 'reportComment', withdraw: 'withdrawStory' | 'withdrawComment' }): void {
  // The two kinds' operations have the same parameters, bodies and answers.
  app.route<RouteTypes<'reportStory'>>({
    ...app.contract.route(ops.report),
    config: { rateLimit: app.limits.write, idempotent: { about: 'path' } },
    handler: async (request, reply) => {
      await report(app.db, kind, request.params.id, request.clientHash, request.body)
      app.webhooks.kick()
      return reply.code(202).send({ status: 'received' })
    },
  })

  app.route<RouteTypes<'withdrawStory'>>({
    ...app.contract.route(ops.withdraw),
    config: { rateLimit: app.limits.write },
    preHandler: app.limits.manageToken,
    handler: async (request, reply) => {
      await withdraw(app.db, kind, request.params.id, request.headers['x-manage-token'])
      app.publicViews.changed()
      return reply.code(204).send()
    },
  })
}
