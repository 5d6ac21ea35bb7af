// Calendar periods in UTC (days, ISO weeks starting Monday, months) matching PostgreSQL's date_trunc.
export type Interval = 'none' | 'day' | 'week' | 'month'
export const maxPeriods = 1100

const day = 86_400_000
const toDate = (d: string): Date => new Date(`${d}T00:00:00Z`)
const fmt = (d: Date): string => d.toISOString().slice(0, 10)

export function periodStart (d: string, interval: Exclude<Interval, 'none'>): string {
  const date = toDate(d)
  if (interval === 'month') return `${d.slice(0, 7)}-01`
  if (interval === 'week') return fmt(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * day))
  return d
}

function next (start: string, interval: Exclude<Interval, 'none'>): string {
  const date = toDate(start)
  if (interval === 'month') return fmt(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)))
  return fmt(new Date(date.getTime() + (interval === 'week' ? 7 : 1) * day))
}

/** How many periods cover [from, to]; cheap, so the cap is checked before any query. */
export function countPeriods (from: string, to: string, interval: Exclude<Interval, 'none'>): number {
  const a = toDate(periodStart(from, interval))
  const b = toDate(periodStart(to, interval))
  if (interval === 'month') return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1
  return Math.round((b.getTime() - a.getTime()) / day / (interval === 'week' ? 7 : 1)) + 1
}

/** Every period from the one holding `from` to the one holding `to`: [start, inclusive end]. */
export function periods (from: string, to: string, interval: Exclude<Interval, 'none'>): [string, string][] {
  const out: [string, string][] = []
  for (let start = periodStart(from, interval); start <= to;) {
    const following = next(start, interval)
    out.push([start, fmt(new Date(toDate(following).getTime() - day))])
    start = following
  }
  return out
}

export const today = (now = new Date()): string => fmt(now)
