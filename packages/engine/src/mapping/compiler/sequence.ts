/**
 * @module JSONata sequences: arrays flagged `sequence` that flatten into their parent and collapse when they
 * hold one value (unless `keepSingleton`), as opposed to arrays the data or a constructor made (`cons`). The
 * flags are jsonata's own, so results compare equal to the interpreter's, flags included.
 */
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';

export type Sequence = unknown[] & {
  sequence?: boolean;
  keepSingleton?: boolean;
  outerWrapper?: boolean;
  tupleStream?: boolean;
  cons?: boolean;
};

export function createSequence(ctx: EvalContext, ...items: unknown[]): Sequence {
  const sequence: Sequence = [];
  // As jsonata does under a sequence cap: an own `push` that checks it (an assignment: cheaper than defining).
  if (ctx.limitedPush !== undefined) sequence.push = ctx.limitedPush;
  sequence.sequence = true;
  if (items.length === 1) sequence.push(items[0]);
  return sequence;
}

export function isSequence(value: unknown): value is Sequence {
  return Array.isArray(value) && (value as Sequence).sequence === true;
}

/** What jsonata's `evaluate()` does to every node's result: an empty sequence is nothing, a singleton its item. */
export function normalize(result: unknown, keepArray: boolean): unknown {
  if (Array.isArray(result) && (result as Sequence).sequence === true && !(result as Sequence).tupleStream) {
    const sequence = result as Sequence;
    if (keepArray) sequence.keepSingleton = true;
    if (sequence.length === 0) return undefined;
    if (sequence.length === 1) return sequence.keepSingleton ? sequence : sequence[0];
  }
  return result;
}

/** `$append` semantics: undefined is nothing, scalars become one-item sequences, the size is capped. */
export function append(ctx: EvalContext, left: unknown, right: unknown): unknown {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const l = Array.isArray(left) ? left : createSequence(ctx, left);
  const r = Array.isArray(right) ? right : [right];
  const max = ctx.limits.maxSequence;
  if (max > 0 && l.length + r.length > max) throw jsonataError('D2015', { value: l.length + r.length });
  return l.concat(r);
}

/** Deep flattening, for wildcards. */
export function flatten(value: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) flatten(item, into);
  else into.push(value);
  return into;
}
