/** @module Provider timestamps: UTC, millisecond precision, trailing `Z` (`2016-01-21T09:20:15.990Z`). */

export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Parses an ISO-8601 query value; `undefined` when it is not a date. */
export function parseTime(value: string): number | undefined {
  // Date.parse accepts bare numbers ("5") as years; date filters want real timestamps.
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
