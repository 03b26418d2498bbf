/**
 * @module Test support: a clock that only moves when the code under test sleeps, so waits are observable
 * without waiting.
 */

export interface FakeTime {
  clock: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  advance(ms: number): void;
  /** Every sleep requested, in order. */
  readonly sleeps: number[];
}

export function fakeTime(start = Date.UTC(2026, 10, 28, 12, 0, 0)): FakeTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}
