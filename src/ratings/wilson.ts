// The Wilson score interval for a binomial proportion: honest at small n, never outside [0, 1].
const z95 = 1.959963984540054

export interface Interval {
  lower: number
  upper: number
}

export function wilsonInterval (successes: number, n: number, z = z95): Interval | null {
  if (n === 0) return null
  const p = successes / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  const denominator = 1 + z2 / n
  return {
    lower: Math.max(0, (centre - margin) / denominator),
    upper: Math.min(1, (centre + margin) / denominator),
  }
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000

/** successes ÷ n and its 95% Wilson interval, to 4 decimals; all null when n is 0. */
export function wilsonShare (successes: number, n: number): { value: number | null, lower: number | null, upper: number | null } {
  const ci = wilsonInterval(successes, n)
  if (!ci) return { value: null, lower: null, upper: null }
  return { value: round4(successes / n), lower: round4(ci.lower), upper: round4(ci.upper) }
}
