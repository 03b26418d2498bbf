/**
 * @module A sync interval as the API takes and shows it: `15m`, `1h`, `90s`… between 5 minutes and 24 hours.
 */

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };
export const MIN_INTERVAL_MS = 5 * 60_000;
export const MAX_INTERVAL_MS = 24 * 3_600_000;
export const INTERVAL_PATTERN = '^[1-9][0-9]{0,5}(s|m|h)$';

/** Milliseconds, or `undefined` when the text is no interval in range. */
export function parseInterval(text: string): number | undefined {
  const match = new RegExp(INTERVAL_PATTERN).exec(text);
  const unit = match?.[1];
  if (match === null || unit === undefined) return undefined;
  const ms = Number.parseInt(text, 10) * (UNITS[unit] ?? 0);
  return ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS ? ms : undefined;
}

/** The shortest exact spelling: `15m`, `2h`, `90s`. */
export function formatInterval(ms: number): string {
  if (ms % UNITS['h']! === 0) return `${ms / UNITS['h']!}h`;
  if (ms % UNITS['m']! === 0) return `${ms / UNITS['m']!}m`;
  return `${Math.round(ms / 1000)}s`;
}
