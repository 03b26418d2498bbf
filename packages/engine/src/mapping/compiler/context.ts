/**
 * @module One evaluation of a compiled expression: its guardrails and its clock. Compiled code runs
 * synchronously, so the guardrails are counted, not timed by a timer: every expression node entered counts one
 * step and one level of depth (as jsonata's own `guardrails()` does), and every {@link CLOCK_EVERY} steps the
 * injected clock is read against the time limit. Lambdas get the context of the evaluation that calls them,
 * never the one that made them, so a definition function made at load runs under the caller's guardrails.
 */
import { jsonataError } from './errors.js';

export interface Limits {
  /** 0 disables. */
  readonly timeoutMs: number;
  /** 0 disables. */
  readonly maxDepth: number;
  /** 0 disables. */
  readonly maxSequence: number;
  /** Milliseconds; `Date.now` unless a test injects a controllable clock. */
  readonly clock: () => number;
}

/** How many steps pass between two clock reads: cheap enough per step, fine enough for a time limit. */
export const CLOCK_EVERY = 256;

type Push = (this: unknown[], ...items: unknown[]) => number;

const PUSHES = new Map<number, Push>();

/** One capped `push` per cap, shared by every evaluation with that cap. */
function limitedPushOf(max: number): Push | undefined {
  if (max <= 0) return undefined;
  let push = PUSHES.get(max);
  if (push === undefined) {
    push = function (this: unknown[], ...items: unknown[]) {
      if (this.length + items.length > max) throw jsonataError('D2015', { value: max });
      return Array.prototype.push.apply(this, items);
    };
    PUSHES.set(max, push);
  }
  return push;
}

export class EvalContext {
  depth = 0;
  private steps = 0;
  private readonly start: number;
  /** `$now()` and `$millis()`: one instant per evaluation, as in jsonata. */
  readonly timestamp: number;
  /** Bound once: sequences of this evaluation push through it so the sequence cap holds everywhere. */
  readonly limitedPush: Push | undefined;
  /** What library functions get as `this` (made on first use, see `functions/library.ts`). */
  focus: unknown;

  constructor(readonly limits: Limits) {
    this.start = limits.clock();
    this.timestamp = Date.now();
    this.limitedPush = limitedPushOf(limits.maxSequence);
  }

  /** Entering an expression node: the depth cap, and now and then the time limit. */
  enter(): void {
    const { maxDepth } = this.limits;
    if (++this.depth > maxDepth && maxDepth > 0) throw jsonataError('D1011', { value: maxDepth });
    if (++this.steps % CLOCK_EVERY === 0) this.checkTime();
  }

  leave(): void {
    this.depth--;
  }

  /** Loops that do not enter nodes (sorting, ranges) call this per item. */
  tick(): void {
    if (++this.steps % CLOCK_EVERY === 0) this.checkTime();
  }

  private checkTime(): void {
    const { timeoutMs } = this.limits;
    if (timeoutMs > 0 && this.limits.clock() - this.start > timeoutMs) {
      throw jsonataError('D1012', { value: timeoutMs });
    }
  }
}
