// What the story and comment forms share: automated submissions get a decoy receipt and store nothing,
// real ones a 201 with the manage token (and support when the text mentions self-harm).
import type { FastifyInstance, FastifyReply } from 'fastify'
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
