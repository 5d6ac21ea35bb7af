// Small-cell suppression: primary (counts 1..k−1) and complementary (a second cell wherever a relation
// between shown cells, such as a total and its parts, would let a withheld cell be worked out).
export type Rule = 'primary' | 'complementary'

export class CellTable {
  readonly values: number[] = []
  readonly rule: (Rule | null)[] = []
  /** Sets of cells bound by one linear relation (e.g. total = sum of parts): one unknown is derivable. */
  readonly relations: { cells: number[], prefer?: number | undefined }[] = []

  add (value: number): number {
    this.values.push(value)
    this.rule.push(null)
    return this.values.length - 1
  }

  /** `prefer`: the cell to withhold first when a complement is needed (e.g. an aggregate rather than a row). */
  relate (cells: number[], prefer?: number): void {
    if (cells.length > 1) this.relations.push({ cells, prefer })
  }

  /** The value as shown: null when withheld. */
  shown (cell: number): number | null {
    return this.rule[cell] ? null : this.values[cell]!
  }

  count (): number {
    return this.rule.filter((r) => r !== null).length
  }
}

/** The cell to withhold alongside: the preferred one, else the smallest shown non-zero count, else the smallest. */
function complement (table: CellTable, { cells, prefer }: CellTable['relations'][number]): number | undefined {
  if (prefer !== undefined && !table.rule[prefer]) return prefer
  const open = cells.filter((c) => !table.rule[c]).sort((a, b) => table.values[a]! - table.values[b]!)
  return open.find((c) => table.values[c]! > 0) ?? open[0]
}

export function suppress (table: CellTable, k: number): void {
  table.values.forEach((v, i) => { if (v >= 1 && v <= k - 1) table.rule[i] = 'primary' })
  for (let changed = true; changed;) {
    changed = false
    for (const relation of table.relations) {
      if (relation.cells.filter((c) => table.rule[c]).length !== 1) continue
      const extra = complement(table, relation)
      if (extra === undefined) continue
      table.rule[extra] = 'complementary'
      changed = true
    }
  }
}
