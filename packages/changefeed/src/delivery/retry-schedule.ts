/**
 * @module When a failed delivery is tried again: the first retry within a minute, then growing, for more than a
 * day in all (30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h, 12 h ≈ 35 h), then the delivery is `failed`.
 */

const DELAYS_MS = [
  30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 43_200_000,
];

/** Attempts made in all before a delivery is given up. */
export const MAX_ATTEMPTS = DELAYS_MS.length + 1;

/** The delay before the next attempt after `attempts` failed ones, or `undefined` when it is time to give up. */
export function retryDelay(attempts: number): number | undefined {
  return DELAYS_MS[attempts - 1];
}
