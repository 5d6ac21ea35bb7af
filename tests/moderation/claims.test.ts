// A claim that loses the race reads the holder inside its own transaction: with a pool of one
// connection it must answer 409 at once, not wait for a second connection (under load, a 503).
import t from 'tap'
import { createDb } from '../../src/db/client.js'
import { errors } from '../../src/errors.js'
import { createApiKey, type Principal } from '../../src/keys/api-keys.js'
import { claimStory } from '../../src/moderation/claims.js'
import { buildTestApp } from '../helpers/app.js'
import { siteWithTopic, submit } from '../helpers/factories.js'

t.test('a claim held by another is reported from inside the transaction', async (t) => {
  const { app, db, config } = await buildTestApp(t)
  const { site, storiesUrl } = await siteWithTopic(db)
  const { id } = await submit(app, storiesUrl)
  const principal = async (name: string): Promise<Principal> => {
    const { record } = await createApiKey(db, { name, role: 'moderator', sites: [site.slug] })
    return { keyId: record.id, role: 'moderator', sites: new Map([[site.id, site.slug]]) }
  }
  const [first, second] = [await principal('first'), await principal('second')]
  const single = createDb(config.databaseUrl!, 1)
  t.teardown(async () => { await single.$disconnect() })
  await claimStory(single, first, id, 900)
  const started = Date.now()
  await t.rejects(claimStory(single, second, id, 900), { code: errors.claimHeld({ keyId: first.keyId, name: 'first', expiresAt: '' }).code })
  t.ok(Date.now() - started < 1500, `answered without waiting for a second connection (${Date.now() - started} ms; the pool waits 2 s)`)
})
