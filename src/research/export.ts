// Streams the de-identified export: a server-side cursor (pg-query-stream) on a pool of its own, rows
// mapped and written with backpressure; destroying the stream (client gone) closes the cursor and
// releases the connection.
import { pipeline, Transform, type Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type pg from 'pg'
import QueryStream from 'pg-query-stream'
import { Prisma } from '../generated/prisma/client.js'
import { csvCast } from './csv.js'
import { deidentify, exportColumns, type ExportRow, type ExportSourceRow } from './deidentify.js'
import { scopeConditions, type Scope } from './scope.js'

export type ExportFormat = 'ndjson' | 'csv'

function exportQuery (scope: Scope): Prisma.Sql {
  const where = Prisma.join([...scopeConditions(scope), Prisma.sql`s.status = 'approved'`, Prisma.sql`s.parent_id IS NULL`, Prisma.sql`s.consent_research`], ' AND ')
  return Prisma.sql`
    SELECT s.id, si.slug AS site, t.slug AS topic,
           to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS submitted_month,
           to_char(s.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS published_month,
           s.verdict::text AS verdict, s.title, s.body, s.redactions, s.author_name,
           s.triage_level::text AS triage_level, s.triage_categories, s.content_warnings, s.rating_count, s.rating_sum
    FROM stories s JOIN sites si ON si.id = s.site_id JOIN topics t ON t.id = s.topic_id
    WHERE ${where}`
}

const csvRecord = (row: ExportRow) => ({ ...row, triageCategories: row.triageCategories.join(';'), contentWarnings: row.contentWarnings.join(';') })

function formatter (format: ExportFormat, key: Buffer): { head: Transform, tail: Transform } {
  if (format === 'ndjson') {
    const t = new Transform({ writableObjectMode: true, transform: (row: ExportSourceRow, _e, cb) => cb(null, `${JSON.stringify(deidentify(row, key))}\n`) })
    return { head: t, tail: t }
  }
  const head = new Transform({ objectMode: true, transform: (row: ExportSourceRow, _e, cb) => cb(null, csvRecord(deidentify(row, key))) })
  const tail = stringify({ header: true, columns: exportColumns, cast: csvCast })
  head.pipe(tail)
  head.on('error', (e) => tail.destroy(e))
  return { head, tail }
}

/**
 * Opens the export. The returned stream is what the reply sends; when it ends, fails or is destroyed
 * (the client went away), the cursor is closed and the connection released.
 */
export async function openExport (pool: pg.Pool, scope: Scope, format: ExportFormat, key: Buffer, onDone?: (err: Error | null) => void): Promise<Readable> {
  const query = exportQuery(scope)
  const client = await pool.connect()
  const rows = client.query(new QueryStream((query as unknown as { text: string }).text, query.values as unknown[], { batchSize: 1000 }))
  const { head, tail } = formatter(format, key)
  let released = false
  const release = (err: Error | null | undefined): void => {
    if (released) return
    released = true
    client.off('error', lost)
    // A connection whose stream failed midway may be mid-protocol: drop it rather than reuse it.
    client.release(err ? true : undefined)
    onDone?.(err ?? null)
  }
  // A connection lost midway (the server restarting or ending it) cuts the response off, so the client
  // sees an incomplete download, and drops the connection. The row stream is left alone: closing its
  // cursor would wait forever for an answer from the dead connection.
  let connectionLost = false
  function lost (err: Error): void {
    connectionLost = true
    release(err)
    tail.destroy(err)
  }
  client.on('error', lost)
  pipeline(rows, head, (err) => { if (err) { tail.destroy(err); release(err) } })
  tail.on('close', () => {
    if (!rows.destroyed && !connectionLost) rows.destroy()
    release(tail.readableEnded ? null : new Error('export stopped before the end'))
  })
  return tail
}
