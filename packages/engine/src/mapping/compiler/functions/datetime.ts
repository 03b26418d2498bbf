/**
 * @module `$now()` and `$millis()`: the instant the evaluation started, the same for every call within it (as
 * jsonata's). Formatting and parsing (`$fromMillis`, `$toMillis`) are jsonata's own implementations.
 */
import type { EvalContext } from '../context.js';
import { REFERENCE } from './reference-library.js';

const fromMillis = REFERENCE.fromMillis.implementation as (
  millis: number,
  picture?: string,
  timezone?: string,
) => string | undefined;

export function now(ctx: EvalContext, picture: string | undefined, timezone: string | undefined): unknown {
  return fromMillis(ctx.timestamp, picture, timezone);
}

export function millis(ctx: EvalContext): number {
  return ctx.timestamp;
}
