// Every domain error Candor can return, created in one place; the error handler turns them into problem+json.

export interface FieldProblem {
  pointer: string
  detail: string
}

export class DomainError extends Error {
  override name = 'DomainError'
  constructor (
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldProblem[],
    /** RFC 9457 extension members, e.g. the claim that blocks a request. */
    readonly extensions?: Record<string, unknown>,
    /** Response headers that belong to this answer wherever it is raised (`Retry-After`…). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail)
  }
}

/** What an author is told when an edit comes too late, by the item's status. */
const closedBecause: Record<string, string> = {
  approved: 'approved it and it is published',
  rejected: 'decided not to publish it',
  removed: 'taken it down',
}

export const problemType = (code: string): string => `urn:candor:problem:${code}`

export const errors = {
  validation: (errors: FieldProblem[]) =>
    new DomainError('validation_failed', 400, 'Invalid request', 'The request does not match the contract; see errors.', errors),
  malformedUrl: () =>
    new DomainError('malformed_url', 400, 'Bad request', 'The URL is not valid (check its percent-encoding).'),
  malformedRequest: () =>
    new DomainError('malformed_request', 400, 'Bad request', 'The request is not valid HTTP.'),
  headersTooLarge: () =>
    new DomainError('headers_too_large', 431, 'Request header fields too large', 'The request headers are larger than the server accepts.'),
  requestTimeout: () =>
    new DomainError('request_timeout', 408, 'Request timeout', 'The request took too long to arrive.'),
  uriTooLong: () =>
    new DomainError('uri_too_long', 414, 'URI too long', 'A path segment is longer than any this API uses.'),
  invalidCursor: () =>
    new DomainError('invalid_cursor', 400, 'Invalid cursor', 'The cursor is not one this API returned; start from the first page.'),
  malformedBody: (detail: string) =>
    new DomainError('malformed_body', 400, 'Malformed body', detail),
  unauthenticated: () =>
    new DomainError('unauthenticated', 401, 'Authentication required', 'Send a valid API key as "Authorization: Bearer <key>".',
      undefined, undefined, { 'www-authenticate': 'Bearer' }),
  wrongRole: (roles: readonly string[]) =>
    new DomainError('forbidden_role', 403, 'Forbidden', `This operation needs a key with role ${roles.join(' or ')}.`),
  // Never names the site: a key must not learn the slug of a site it does not cover (from a story id).
  siteNotCovered: () =>
    new DomainError('forbidden_site', 403, 'Forbidden', 'This key does not cover that site.'),
  metricsForbidden: () =>
    new DomainError('metrics_forbidden', 403, 'Forbidden', 'Metrics are served to loopback, or with the METRICS_TOKEN as "Authorization: Bearer <token>".'),
  escalatedToAdmins: () =>
    new DomainError('escalated_to_admins', 403, 'Forbidden', 'This item was escalated to admins, so an admin decides it; add what you know as a note (PATCH with "note").'),
  originNotAllowed: (origin: string) =>
    new DomainError('origin_not_allowed', 403, 'Forbidden', `${origin} is not one of this site's allowed origins.`),
  badManageToken: () =>
    new DomainError('invalid_manage_token', 403, 'Forbidden', 'The manage token does not match this story or comment.'),
  siteNotFound: (site: string) =>
    new DomainError('site_not_found', 404, 'Not found', `There is no site "${site}".`),
  topicNotFound: (site: string, topic: string) =>
    new DomainError('topic_not_found', 404, 'Not found', `Site "${site}" has no topic "${topic}".`),
  storyNotFound: () =>
    new DomainError('story_not_found', 404, 'Not found', 'There is no such story, or it is not public.'),
  commentNotFound: () =>
    new DomainError('comment_not_found', 404, 'Not found', 'There is no such comment, or it is not public.'),
  apiKeyNotFound: () =>
    new DomainError('api_key_not_found', 404, 'Not found', 'There is no such API key.'),
  routeNotFound: (method: string, url: string) =>
    new DomainError('route_not_found', 404, 'Not found', `${method} ${url} is not an operation of this API.`),
  slugTaken: (what: 'site' | 'topic', slug: string) =>
    new DomainError(`${what}_exists`, 409, 'Conflict', `A ${what} "${slug}" already exists.`),
  invalidTransition: (action: string, status: string) =>
    new DomainError('invalid_transition', 409, 'Conflict', `Cannot ${action} a story that is ${status}.`),
  claimHeld: (claim: { keyId: string, name: string, expiresAt: string }) =>
    new DomainError('claim_held', 409, 'Conflict', `${claim.name} is reviewing this story until ${claim.expiresAt}.`, undefined, { claim }),
  reasonRequired: (action: string) =>
    new DomainError('validation_failed', 400, 'Invalid request', `A reason is required to ${action} a story.`, [{ pointer: '/body/reason', detail: `is required to ${action}` }]),
  triageLabelInconsistent: (detail: string) =>
    new DomainError('validation_failed', 400, 'Invalid request', detail, [{ pointer: '/body/level', detail }]),
  rangeReversed: () =>
    new DomainError('validation_failed', 400, 'Invalid request', '`from` is after `to`.', [{ pointer: '/querystring/from', detail: 'must not be after to' }]),
  invalidRedaction: (detail: string) =>
    new DomainError('validation_failed', 400, 'Invalid request', detail, [{ pointer: '/body/redactions', detail }]),
  webhookUrlRefused: (detail: string) =>
    new DomainError('webhook_url_refused', 400, 'Endpoint refused', detail, [{ pointer: '/body/url', detail }]),
  webhookNotFound: () =>
    new DomainError('webhook_not_found', 404, 'Not found', 'This site has no such webhook.'),
  editClosed: (kind: 'story' | 'comment', status: string) =>
    new DomainError('edit_closed', 409, 'Conflict', `Your ${kind} can no longer be edited: a moderator has already ${closedBecause[status] ?? 'decided on it'}. You can still withdraw it.`),
  alreadyWithdrawn: () =>
    new DomainError('already_withdrawn', 409, 'Conflict', 'The story was already withdrawn.'),
  invalidKeySites: (detail: string) =>
    new DomainError('invalid_key_sites', 400, 'Invalid request', detail),
  stale: () =>
    new DomainError('precondition_failed', 412, 'Precondition failed', 'The story changed since you read it; read it again and retry.'),
  ifMatchRequired: () =>
    new DomainError('precondition_required', 428, 'Precondition required', 'Send the story\'s ETag as If-Match.'),
  payloadTooLarge: (limit: number) =>
    new DomainError('payload_too_large', 413, 'Payload too large', `The body is larger than ${limit} bytes.`),
  unsupportedMediaType: (type: string | undefined) =>
    new DomainError('unsupported_media_type', 415, 'Unsupported media type', `Send application/json, not ${type ?? 'nothing'}.`),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('rate_limited', 429, 'Too many requests', `Slow down; retry in ${retryAfterSeconds} s.`,
      undefined, undefined, { 'retry-after': String(retryAfterSeconds) }),
  databaseUnavailable: () =>
    new DomainError('database_unavailable', 503, 'Service unavailable', 'The database is unreachable; retry in a few seconds.',
      undefined, undefined, { 'retry-after': '5' }),
  duplicateSubmission: () =>
    new DomainError('duplicate_submission', 409, 'Conflict', 'You sent a story very like this one in the last 24 hours; it is already waiting for a moderator.'),
  idempotencyInProgress: () =>
    new DomainError('idempotency_in_progress', 409, 'Conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.'),
  idempotencyErased: () =>
    new DomainError('idempotency_erased', 410, 'Gone', 'The story or comment this request was about has been withdrawn or erased, and its stored answer with it.'),
  idempotencyMismatch: () =>
    new DomainError('idempotency_key_reused', 422, 'Unprocessable content', 'This Idempotency-Key was used with a different request; use a new key.'),
  shuttingDown: () =>
    new DomainError('shutting_down', 503, 'Service unavailable', 'This instance is shutting down; retry and you will reach another.',
      undefined, undefined, { 'retry-after': '1', connection: 'close' }),
  notReady: (detail: string) =>
    new DomainError('not_ready', 503, 'Service unavailable', detail, undefined, undefined, { 'retry-after': '5' }),
  internal: () =>
    new DomainError('internal_error', 500, 'Internal error', 'Something failed on our side. It has been logged.'),
} as const
