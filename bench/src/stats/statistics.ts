/**
 * @module The few statistics the benchmark reports. Percentiles interpolate linearly between closest ranks
 * (the "R-7" definition spreadsheets use), so a p50 of two samples is their midpoint.
 */

/** The p-th percentile (0–100) of `values`; `NaN` when there are none. Does not modify `values`. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return percentileOfSorted(sorted, p);
}

/** Like {@link percentile} for values already sorted ascending (avoids a copy on large latency sets). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const clamped = Math.min(Math.max(p, 0), 100);
  const rank = (clamped / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (rank - low);
}

export function median(values: ArrayLike<number>): number {
  return percentile(values, 50);
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** `measured / baseline`; `NaN` when the baseline is zero or either side is missing. */
export function ratio(measured: number, baseline: number): number {
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return Number.NaN;
  return measured / baseline;
}
