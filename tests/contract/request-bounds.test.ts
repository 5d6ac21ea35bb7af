// The contract's request bounds (maxLength, maxItems, minimum/maximum, patterns) are what the server
// enforces: a value one past each bound gets a 400 problem naming the field and changes nothing.
import type { InjectOptions } from 'fastify'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { apiKey, bearer, decideOn, siteWithTopic, storyInput, submit } from '../helpers/factories.js'

const uuid = '3f1c2b9e-8d4a-4c1e-9b7a-2e6f5d4c3b2a'
const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i))

/** The validator's words for the bound a case names ("maxLength 200" → "must NOT have more than 200 characters"). */
function detailFor (bound: string): string {
  const [, keyword, n] = /(maxLength|maxItems|maximum|minimum|int32|visible ASCII|base64url) ?(\d*)$/.exec(bound) ?? []
  switch (keyword) {
    case 'maxLength': return `must NOT have more than ${n} characters`
    case 'maxItems': return `must NOT have more than ${n} items`
    case 'maximum': return `must be <= ${n}`
    case 'minimum': return `must be >= ${n}`
    case 'int32': return 'must match format "int32"'
    default: return 'must match pattern'
  }
}

t.test('one past each request bound is a 400 problem for that field, and nothing changes', async (t) => {
  const { app, db } = await buildTestApp(t, { WEBHOOK_ALLOW_PRIVATE: 'true' })
  const { site, storiesUrl } = await siteWithTopic(db)
  const admin = await apiKey(db, 'admin')
  const moderator = await apiKey(db, 'moderator', [site.slug])
  const researcher = await apiKey(db, 'researcher', [site.slug])
  const story = await submit(app, storiesUrl)
  t.equal((await decideOn(app, moderator, story.id, { action: 'approve' })).statusCode, 200)
  const etag = String((await app.inject({ url: `/v1/moderation/stories/${story.id}`, headers: bearer(moderator) })).headers.etag)
  const asModerator = { ...bearer(moderator), 'if-match': etag }

  // Everything a refused request could have changed.
  const state = async () => JSON.stringify({
    stories: await db.story.findMany({ select: { id: true, status: true, version: true, redactions: true, contentWarnings: true }, orderBy: { id: 'asc' } }),
    sites: await db.site.findMany({ select: { slug: true, name: true, allowedOrigins: true, settings: true }, orderBy: { slug: 'asc' } }),
    counts: [await db.report.count(), await db.readerRating.count(), await db.webhook.count(), await db.apiKey.count(), await db.auditEvent.count(), await db.idempotencyKey.count()],
  })

  const cases: Array<{ bound: string, pointer: string, request: InjectOptions }> = [
    // Public writes
    { bound: 'story title maxLength 200', pointer: '/body/title', request: { method: 'POST', url: storiesUrl, payload: storyInput({ title: 'x'.repeat(201) }) } },
    { bound: 'story body maxLength 10000', pointer: '/body/body', request: { method: 'POST', url: storiesUrl, payload: storyInput({ body: 'Calmer. '.repeat(1250) + 'x' }) } },
    { bound: 'author name maxLength 80', pointer: '/body/authorName', request: { method: 'POST', url: storiesUrl, payload: storyInput({ authorName: 'A'.repeat(81) }) } },
    { bound: 'author email maxLength 254', pointer: '/body/authorEmail', request: { method: 'POST', url: storiesUrl, payload: storyInput({ authorEmail: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org` }) } },
    { bound: 'fillMs maximum 86400000', pointer: '/body/fillMs', request: { method: 'POST', url: storiesUrl, payload: storyInput({ fillMs: 86_400_001 }) } },
    { bound: 'fillMs minimum 0', pointer: '/body/fillMs', request: { method: 'POST', url: storiesUrl, payload: storyInput({ fillMs: -1 }) } },
    { bound: 'Idempotency-Key maxLength 128', pointer: '/headers/idempotency-key', request: { method: 'POST', url: storiesUrl, headers: { 'idempotency-key': 'k'.repeat(129) }, payload: storyInput() } },
    { bound: 'comment body maxLength 5000', pointer: '/body/body', request: { method: 'POST', url: `/v1/stories/${story.id}/comments`, payload: { body: 'y'.repeat(5001), consent: { publish: true } } } },
    { bound: 'stars maximum 5', pointer: '/body/stars', request: { method: 'POST', url: `/v1/stories/${story.id}/ratings`, payload: { stars: 6 } } },
    { bound: 'stars int32', pointer: '/body/stars', request: { method: 'POST', url: `/v1/stories/${story.id}/ratings`, payload: { stars: 2 ** 31 } } },
    { bound: 'report details maxLength 2000', pointer: '/body/details', request: { method: 'POST', url: `/v1/stories/${story.id}/reports`, payload: { reason: 'other', details: 'z'.repeat(2001) } } },
    { bound: 'X-Manage-Token maxLength 200', pointer: '/headers/x-manage-token', request: { method: 'DELETE', url: `/v1/stories/${story.id}`, headers: { 'x-manage-token': `${story.manageToken}${'a'.repeat(200)}` } } },
    { bound: 'X-Manage-Token visible ASCII', pointer: '/headers/x-manage-token', request: { method: 'DELETE', url: `/v1/stories/${story.id}`, headers: { 'x-manage-token': `${story.manageToken} x` } } },
    { bound: 'story id maxLength 36', pointer: '/params/id', request: { method: 'DELETE', url: `/v1/stories/${story.id}0`, headers: { 'x-manage-token': story.manageToken } } },
    // Public reads
    { bound: 'limit maximum 100', pointer: '/querystring/limit', request: { url: `${storiesUrl}?limit=101` } },
    { bound: 'limit int32', pointer: '/querystring/limit', request: { url: `${storiesUrl}?limit=99999999999` } },
    { bound: 'cursor maxLength 200', pointer: '/querystring/cursor', request: { url: `${storiesUrl}?cursor=${'A'.repeat(201)}` } },
    { bound: 'cursor base64url', pointer: '/querystring/cursor', request: { url: `${storiesUrl}?cursor=${encodeURIComponent('abc+/=')}` } },
    { bound: 'site slug maxLength 64', pointer: '/params/site', request: { url: `/v1/sites/${'s'.repeat(65)}/topics` } },
    // Moderation
    { bound: 'redaction end maximum 20000', pointer: '/body/redactions/0/end', request: { method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { redactions: [{ field: 'body', start: 0, end: 20_001 }] } } },
    { bound: 'redaction start maximum 20000', pointer: '/body/redactions/0/start', request: { method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { redactions: [{ field: 'body', start: 20_001, end: 20_000 }] } } },
    { bound: 'redactions maxItems 100', pointer: '/body/redactions', request: { method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { redactions: many(101, (i) => ({ field: 'body', start: i % 10, end: (i % 10) + 1 })) } } },
    { bound: 'content warnings maxItems 10', pointer: '/body/contentWarnings', request: { method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { contentWarnings: many(11, (i) => `warning_${i}`) } } },
    { bound: 'content warning maxLength 40', pointer: '/body/contentWarnings/0', request: { method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { contentWarnings: ['w'.repeat(41)] } } },
    { bound: 'edit note maxLength 2000', pointer: '/body/note', request: { method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { note: 'n'.repeat(2001) } } },
    { bound: 'If-Match maxLength 100', pointer: '/headers/if-match', request: { method: 'POST', url: `/v1/moderation/stories/${story.id}/decision`, headers: { ...bearer(moderator), 'if-match': `${etag}${' '.repeat(50)}${'"v9", '.repeat(10)}` }, payload: { action: 'remove', reason: 'spam' } } },
    { bound: 'decision note maxLength 2000', pointer: '/body/note', request: { method: 'POST', url: `/v1/moderation/stories/${story.id}/decision`, headers: asModerator, payload: { action: 'remove', reason: 'spam', note: 'n'.repeat(2001) } } },
    { bound: 'reader-ratings hours maximum 720', pointer: '/querystring/hours', request: { url: '/v1/moderation/reader-ratings?hours=721', headers: bearer(moderator) } },
    { bound: 'triage body maxLength 20000', pointer: '/body/body', request: { method: 'POST', url: '/v1/moderation/triage', headers: bearer(moderator), payload: { title: '', body: 'b'.repeat(20_001) } } },
    // Research
    { bound: 'topics maxItems 50', pointer: '/querystring/topic', request: { url: `/v1/research/ratings?${many(51, (i) => `topic=t${i}`).join('&')}`, headers: bearer(researcher) } },
    { bound: 'from maxLength 10', pointer: '/querystring/from', request: { url: '/v1/research/ratings?from=2024-01-01T00:00:00Z', headers: bearer(researcher) } },
    // Admin
    { bound: 'site name maxLength 200', pointer: '/body/name', request: { method: 'POST', url: '/v1/admin/sites', headers: bearer(admin), payload: { slug: 'new-site', name: 'n'.repeat(201) } } },
    { bound: 'allowed origins maxItems 50', pointer: '/body/allowedOrigins', request: { method: 'POST', url: '/v1/admin/sites', headers: bearer(admin), payload: { slug: 'new-site', name: 'New', allowedOrigins: many(51, (i) => `https://o${i}.example`) } } },
    { bound: 'origin maxLength 200', pointer: '/body/allowedOrigins/0', request: { method: 'PATCH', url: `/v1/admin/sites/${site.slug}`, headers: bearer(admin), payload: { allowedOrigins: [`https://${'o'.repeat(200)}.example`] } } },
    { bound: 'crisis resources maxItems 10', pointer: '/body/settings/crisisResources', request: { method: 'PATCH', url: `/v1/admin/sites/${site.slug}`, headers: bearer(admin), payload: { settings: { crisisResources: many(11, (i) => ({ name: `Line ${i}`, contact: '116 123' })) } } } },
    { bound: 'rate limit perClient maximum 10000', pointer: '/body/settings/rateLimits/perClient', request: { method: 'PATCH', url: `/v1/admin/sites/${site.slug}`, headers: bearer(admin), payload: { settings: { rateLimits: { perClient: 10_001 } } } } },
    { bound: 'review target maximum 100000', pointer: '/body/settings/reviewTargetsMinutes/critical', request: { method: 'PATCH', url: `/v1/admin/sites/${site.slug}`, headers: bearer(admin), payload: { settings: { reviewTargetsMinutes: { critical: 100_001 } } } } },
    { bound: 'topic question maxLength 500', pointer: '/body/question', request: { method: 'POST', url: `/v1/admin/sites/${site.slug}/topics`, headers: bearer(admin), payload: { slug: 'new-topic', title: 'New', question: 'q'.repeat(501) } } },
    { bound: 'key sites maxItems 100', pointer: '/body/sites', request: { method: 'POST', url: '/v1/admin/api-keys', headers: bearer(admin), payload: { name: 'many', role: 'moderator', sites: many(101, (i) => `site-${i}`) } } },
    { bound: 'key name maxLength 120', pointer: '/body/name', request: { method: 'POST', url: '/v1/admin/api-keys', headers: bearer(admin), payload: { name: 'k'.repeat(121), role: 'admin' } } },
    { bound: 'key id maxLength 36', pointer: '/params/id', request: { method: 'DELETE', url: `/v1/admin/api-keys/${uuid}-0`, headers: bearer(admin) } },
    { bound: 'webhook events maxItems 20', pointer: '/body/events', request: { method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: 'https://hooks.example/x', events: many(21, () => 'story.submitted') } } },
    { bound: 'webhook url maxLength 500', pointer: '/body/url', request: { method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: `https://hooks.example/${'p'.repeat(500)}`, events: ['story.submitted'] } } },
  ]

  for (const { bound, pointer, request } of cases) {
    const before = await state()
    const res = await app.inject({ remoteAddress: '203.0.113.50', ...request })
    t.equal(res.statusCode, 400, `${bound}: 400`)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', `${bound}: problem+json`)
    const problem = res.json<{ code: string, errors?: Array<{ pointer: string, detail: string }> }>()
    t.equal(problem.code, 'validation_failed', `${bound}: validation_failed`)
    const detail = detailFor(bound)
    t.ok(problem.errors?.some((e) => e.pointer === pointer && e.detail.startsWith(detail)), `${bound}: ${pointer} ${detail} (${JSON.stringify(problem.errors)})`)
    t.equal(await state(), before, `${bound}: nothing changed`)
  }

  // The same requests within the bounds are accepted: the limits sit past what people write.
  const atBound = await app.inject({ method: 'POST', url: storiesUrl, payload: storyInput({ title: 'x'.repeat(200), body: 'Calmer. '.repeat(1250), authorName: 'A'.repeat(80) }), remoteAddress: '203.0.113.51' })
  t.equal(atBound.statusCode, 201, 'a 200-character title, a 10,000-character body and an 80-character name are accepted')
  const redacted = await app.inject({ method: 'PATCH', url: `/v1/moderation/stories/${story.id}`, headers: asModerator, payload: { redactions: [{ field: 'body', start: 0, end: 4 }] } })
  t.equal(redacted.statusCode, 200, 'a redaction inside the body is accepted')
  const hook = await app.inject({ method: 'POST', url: `/v1/admin/sites/${site.slug}/webhooks`, headers: bearer(admin), payload: { url: 'https://hooks.example/x', events: ['story.submitted', 'story.decided', 'comment.submitted', 'queue.overdue'] } })
  t.equal(hook.statusCode, 201, 'a webhook for several events is accepted')
})
