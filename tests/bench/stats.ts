/** Percentiles by the nearest-rank method: p95 of 20 samples is the 19th smallest. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export const sum = (samples: readonly number[]) => samples.reduce((a, b) => a + b, 0);

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number) => performance.now() - start;
