// Claims: a renewable, time-limited lease on a story so two moderators do not review it at once.
// Taking it is one conditional UPDATE, so two moderators racing cannot both win.
import { keyActor, recordEvent } from '../audit/audit.js'
import type { Db } from '../db/client.js'
import { errors } from '../errors.js'
import type { Principal } from '../keys/api-keys.js'
import { activeClaim, loadForModerator } from './moderation-story.js'

export async function claimStory (db: Db, principal: Principal, id: string, leaseSeconds: number, now = new Date()) {
  const story = await loadForModerator(db, principal, id)
  const expiresAt = new Date(now.getTime() + leaseSeconds * 1000)
  const renewing = activeClaim(story, now)?.keyId === principal.keyId
  return await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: { id, OR: [{ claimKeyId: null }, { claimKeyId: principal.keyId }, { claimExpiresAt: { lte: now } }] },
      data: { claimKeyId: principal.keyId, claimExpiresAt: expiresAt },
    })
    if (count === 0) {
      // With the transaction's client: the outer one would wait for a second pooled connection while
      // this one is held (under load, a spurious 503).
      const holder = await loadForModerator(tx, principal, id)
      const claim = activeClaim(holder, now)
      // Between our read and our write the claim lapsed and was taken by someone: report that holder.
      if (claim) throw errors.claimHeld(claim)
      throw errors.stale()
    }
    if (!renewing) await recordEvent(tx, { storyId: id, ...keyActor(principal.keyId), action: 'claimed', note: `until ${expiresAt.toISOString()}` })
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: principal.keyId }, select: { name: true } })
    return { keyId: principal.keyId, name: key.name, expiresAt: expiresAt.toISOString() }
  })
}

export async function releaseClaim (db: Db, principal: Principal, id: string, now = new Date()): Promise<void> {
  const story = await loadForModerator(db, principal, id)
  const claim = activeClaim(story, now)
  if (!claim) return
  if (claim.keyId !== principal.keyId) throw errors.claimHeld(claim)
  await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({ where: { id, claimKeyId: principal.keyId }, data: { claimKeyId: null, claimExpiresAt: null } })
    if (count > 0) await recordEvent(tx, { storyId: id, ...keyActor(principal.keyId), action: 'released' })
  })
}
