// Triage labels: a moderator's final level and categories for an item, kept beside what triage said
// then. Written by a correction (triage-corrections.ts) or, when there is none, by a decision
// (approve, reject: the moderator confirmed triage); deleted when the item is erased.
import type { Db, Tx } from '../db/client.js'
import { errors } from '../errors.js'
import type { TriageLabel } from '../generated/prisma/client.js'
import { levelFor, type HarmCategory } from '../triage/types.js'

/** What triage said of an item: the level its categories give (a harm report may have raised the stored level; that is not triage's reading). */
export function triageReading (item: { triageCategories: string[], triageModel: string }) {
  const categories = item.triageCategories as HarmCategory[]
  return { triageLevel: levelFor(categories), triageCategories: categories, triageModel: item.triageModel }
}

/** A decision taken without a correction confirms triage; an existing label (a correction) is kept. */
export async function confirmTriage (tx: Tx, item: { id: string, triageCategories: string[], triageModel: string }): Promise<void> {
  const reading = triageReading(item)
  await tx.triageLabel.upsert({
    where: { storyId: item.id },
    create: { storyId: item.id, level: reading.triageLevel, categories: reading.triageCategories, source: 'confirmed', ...reading },
    update: {},
  })
}

/** Deletes the item's label (in the erasure's transaction). */
export async function eraseTriageLabel (tx: Tx, storyId: string): Promise<void> {
  await tx.triageLabel.deleteMany({ where: { storyId } })
}

export function toTriageLabelView (label: TriageLabel | null) {
  if (!label) return null
  return {
    level: label.level,
    categories: label.categories as HarmCategory[],
    source: label.source,
    triageLevel: label.triageLevel,
    triageCategories: label.triageCategories as HarmCategory[],
    labelledAt: label.updatedAt.toISOString(),
  }
}

/** One labelled item in the evaluation format of harm-eval (id, level, categories, verdict, title, body). */
export interface EvaluationLine {
  id: string
  level: string
  categories: string[]
  verdict: string | null
  title: string
  body: string
}

/**
 * The labelled items of these sites in the evaluation format, in id order (uuid v7: oldest first), a page at a time.
 * Withdrawn and erased items have no label left, and are skipped besides; throws on an unknown site.
 */
export async function * labelledItems (db: Db, siteSlugs: string[], pageSize = 500): AsyncGenerator<EvaluationLine> {
  const sites = await db.site.findMany({ where: { slug: { in: siteSlugs } }, select: { id: true, slug: true } })
  const missing = siteSlugs.find((slug) => !sites.some((s) => s.slug === slug))
  if (missing !== undefined) throw errors.siteNotFound(missing)
  let after: string | undefined
  for (;;) {
    const page = await db.triageLabel.findMany({
      where: { story: { siteId: { in: sites.map((s) => s.id) }, status: { not: 'withdrawn' } }, ...(after === undefined ? {} : { storyId: { gt: after } }) },
      orderBy: { storyId: 'asc' },
      take: pageSize,
      include: { story: { select: { title: true, body: true, verdict: true } } },
    })
    for (const label of page) {
      yield { id: label.storyId, level: label.level, categories: label.categories, verdict: label.story.verdict, title: label.story.title, body: label.story.body }
    }
    if (page.length < pageSize) return
    after = page.at(-1)!.storyId
  }
}
