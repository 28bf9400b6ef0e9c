/** A rate (0–1) as a percentage with one decimal; '—' when there was nothing to count. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
