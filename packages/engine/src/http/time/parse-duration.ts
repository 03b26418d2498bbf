/**
 * @module Durations as written in integration files (`500ms`, `30s`, `15m`, `1h`) → milliseconds.
 */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^([0-9]+)(ms|s|m|h)$/;

/** Milliseconds of a duration, or `fallback` when it is absent. The schema guarantees the format. */
export function parseDuration(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const match = DURATION.exec(value);
  if (!match) throw new TypeError(`not a duration: ${value}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
