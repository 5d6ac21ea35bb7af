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
