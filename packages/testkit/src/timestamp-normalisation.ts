/**
 * @module Timestamps the live upstream writes at recording time (a token's `created_at`, a created user's
 * `updated_at`) would change on every re-recording. Those that fall inside the recording session are moved onto
 * the frozen clock, in the same format, before the engine sees them: record and replay agree, and re-recording an
 * unchanged upstream leaves no diff. Older data (seeded records, history) is left alone.
 *
 * "Inside the session" is on either clock: the real one (a sandbox), or the frozen one for a simulator started
 * at the fixtures' instant (`--start-at 2026-01-01T00:00:00Z`), whose clock runs on from there.
 */

const ISO = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)"/g;

// Slack for clocks that differ a little between the recorder and the upstream.
const SLACK_MS = 5 * 60_000;
// How long a simulator started at the frozen instant may have been running when a recording ends.
const SIMULATED_SESSION_MS = 24 * 3600_000;

/**
 * Rewrites, in JSON text, every ISO 8601 timestamp written during the session — between `sessionStart` and now
 * on the real clock, or just after `anchor` (the frozen clock's start) — to the frozen clock `frozenNow`, to the
 * minute.
 */
export function normaliseTimestamps(
  json: string,
  sessionStart: number,
  frozenNow: number,
  anchor = frozenNow,
): string {
  const until = Date.now() + SLACK_MS;
  const during = (at: number) =>
    (at >= sessionStart - SLACK_MS && at <= until) ||
    (at >= anchor - SLACK_MS && at <= anchor + SIMULATED_SESSION_MS);
  return json.replace(ISO, (match, seconds: string, fraction: string | undefined, zone: string) => {
    const at = Date.parse(`${seconds}${fraction ?? ''}${zone}`);
    if (Number.isNaN(at) || !during(at)) return match;
    // To the minute: a backoff's random jitter moves the frozen clock by a few hundred milliseconds.
    const frozen = new Date(Math.floor(frozenNow / 60_000) * 60_000).toISOString(); // 2026-01-01T00:00:00.000Z
    const digits = fraction ? fraction.length - 1 : 0;
    const keptFraction = digits > 0 ? `.${frozen.slice(20, 23).padEnd(digits, '0')}` : '';
    return `"${frozen.slice(0, 19)}${keptFraction}${zone === 'Z' ? 'Z' : zone.includes(':') ? '+00:00' : '+0000'}"`;
  });
}
