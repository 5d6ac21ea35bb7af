// Serves a committed browser bundle (the widget's, the console's) read once at start: ETag, 304, nosniff.
// A missing file must not take the API down: the route answers 503 and the log says how to build it.
import { readFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import { DomainError } from '../errors.js'
import { etagOf, noneMatchHits } from './etag.js'

export interface StaticAsset {
  url: string
  file: URL
  type: string
  /** Extra response headers (cache policy, CORP…). */
  headers: Record<string, string>
  /** What builds it, for the log and the 503. */
  buildWith: string
}

export async function serveStaticAsset (app: FastifyInstance, asset: StaticAsset): Promise<void> {
  const bytes = await readFile(asset.file).catch(() => null)
  if (!bytes) app.log.error(`${asset.file.pathname} is missing: run \`${asset.buildWith}\``)
  const etag = bytes ? etagOf(bytes) : ''
  app.get(asset.url, async (request, reply) => {
    if (!bytes) throw new DomainError('asset_unavailable', 503, 'Service unavailable', `${asset.url} is not built on this server.`)
    reply.headers(asset.headers).header('x-content-type-options', 'nosniff').header('etag', etag)
    if (noneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send()
    return reply.type(asset.type).send(bytes)
  })
}
