// The author's right to withdraw: with the manage token, the story leaves public view and its text is erased.
import { recordEvent } from '../audit/audit.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import { secretMatches } from '../keys/tokens.js'

export async function withdrawStory (db: Db, id: string, manageToken: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({ where: { id }, select: { status: true, manageTokenHash: true } })
    if (!story) throw errors.storyNotFound()
    if (!secretMatches(manageToken, story.manageTokenHash)) throw errors.badManageToken()
    if (story.status === 'withdrawn') throw errors.alreadyWithdrawn()
    await tx.story.update({
      where: { id },
      data: {
        status: 'withdrawn',
        title: '',
        body: '',
        authorName: null,
        authorEmail: null,
        triageEvidence: [],
        version: { increment: 1 },
      },
    })
    await recordEvent(tx, { storyId: id, actor: 'author', action: 'withdrawn', fromStatus: story.status, toStatus: 'withdrawn' })
  })
}
