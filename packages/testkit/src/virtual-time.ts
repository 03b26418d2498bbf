/**
 * @module The clock every recorded and replayed operation runs on. It starts frozen at the fixture's instant and
 * moves only when the engine sleeps (a backoff, a Retry-After, a rate budget), so `$now` and every wait are the
 * same on record and on replay, and replay never really waits.
 */

/** The instant a fixture's clock starts at unless the fixture names another. */
export const FIXTURE_CLOCK = Date.parse('2026-01-01T00:00:00.000Z');

export interface VirtualTime {
  clock: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Replay: a sleep advances the clock and returns at once. */
export function replayTime(start = FIXTURE_CLOCK): VirtualTime {
  let now = start;
  return {
    clock: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      now += Math.max(0, ms);
    },
  };
}

/**
 * Recording: the live upstream's windows are real, so a sleep really waits, then advances the clock by exactly the
 * requested time (never by the measured one, which would differ on replay).
 */
export function recordingTime(
  start = FIXTURE_CLOCK,
  wait: (ms: number, signal?: AbortSignal) => Promise<void> = realWait,
): VirtualTime {
  let now = start;
  return {
    clock: () => now,
    sleep: async (ms, signal) => {
      await wait(ms, signal);
      now += Math.max(0, ms);
    },
  };
}

async function realWait(ms: number, signal?: AbortSignal): Promise<void> {
  const { setTimeout } = await import('node:timers/promises');
  await setTimeout(ms, undefined, signal ? { signal } : {});
}
