/**
 * @module Refusal: a subtree that cannot be written as source says so by throwing {@link Refuse}, and the
 * caller writes it another way (its closure, the general call) from a clean slate.
 */

/** Thrown when a subtree cannot be generated and cannot be handed to its closure either. */
export class Refuse extends Error {}

/**
 * What `write` returns, its statements appended to `out`; undefined, with nothing appended, when it refuses
 * or returns undefined (the numbering it used stays spent, so the source stays the same either way).
 */
export function attempt(out: string[], write: (sub: string[]) => string | undefined): string | undefined {
  const sub: string[] = [];
  try {
    const result = write(sub);
    if (result !== undefined) out.push(...sub);
    return result;
  } catch (error) {
    if (!(error instanceof Refuse)) throw error;
    return undefined;
  }
}
