/**
 * @module A simulator's clock. By default the real one; with `startAt` (an ISO instant) it reads that instant at
 * start and runs on from there, so seeded data anchored on it is the same on every start and recordings made
 * against a fixed recorder clock (the testkit's 2026-01-01) see the simulator's data and its writes in the same
 * time frame.
 */

export interface SimClock {
  /** Epoch ms now. */
  now(): number;
  /** Epoch ms at start: what seeded data is relative to. */
  readonly start: number;
}

/** `startAt` must parse (the simulator's options validation says so first); `undefined` = the real clock. */
export function startClock(startAt: string | undefined, realNow: () => number = Date.now): SimClock {
  const start = startAt === undefined ? realNow() : Date.parse(startAt);
  const offset = realNow() - start;
  return { start, now: () => realNow() - offset };
}
