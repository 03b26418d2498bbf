/**
 * @module Timestamps the live upstream writes at recording time (a token's `created_at`, a created user's
 * `updated_at`) would change on every re-recording. Those that fall inside the recording session are moved onto
 * the frozen clock, in the same format, before the engine sees them: record and replay agree, and re-recording an
 * unchanged upstream leaves no diff. Older data (seeded records, history) is left alone.
 */

const ISO = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)"/g;

// Slack for clocks that differ a little between the recorder and the upstream.
const SLACK_MS = 5 * 60_000;

/** Rewrites, in JSON text, every ISO 8601 timestamp between `sessionStart` and now to the frozen instant. */
export function normaliseTimestamps(json: string, sessionStart: number, frozenNow: number): string {
  const until = Date.now() + SLACK_MS;
  return json.replace(ISO, (match, seconds: string, fraction: string | undefined, zone: string) => {
    const at = Date.parse(`${seconds}${fraction ?? ''}${zone}`);
    if (Number.isNaN(at) || at < sessionStart - SLACK_MS || at > until) return match;
    const frozen = new Date(frozenNow).toISOString(); // 2026-01-01T00:00:00.000Z
    const digits = fraction ? fraction.length - 1 : 0;
    const keptFraction = digits > 0 ? `.${frozen.slice(20, 23).padEnd(digits, '0')}` : '';
    return `"${frozen.slice(0, 19)}${keptFraction}${zone === 'Z' ? 'Z' : zone.includes(':') ? '+00:00' : '+0000'}"`;
  });
}
