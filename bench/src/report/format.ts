/** @module How numbers are printed in tables and progress lines (missing values print as an en dash). */

const MISSING = '–';

export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : MISSING;
}

/** Milliseconds with a precision that suits their size: 0.412 ms, 12.4 ms, 1,234 ms. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  const digits = Math.abs(value) < 1 ? 3 : Math.abs(value) < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

export function formatSeconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} s` : MISSING;
}

export function formatMb(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} MB` : MISSING;
}

/** Signed, for growth and added latency: `+3.2 MB`, `-0.4 MB`. */
export function formatSigned(value: number, format: (value: number) => string): string {
  if (!Number.isFinite(value)) return MISSING;
  return value < 0 ? `-${format(-value)}` : `+${format(value)}`;
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)}×`;
}

export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : MISSING;
}
