/**
 * @module Tuple streams: what `@$var` (focus), `#$i` (position) and `%` (parent) need. A path carrying them
 * passes `{ '@': item, $var: …, '!0': parent }` tuples from step to step; each tuple is bound as variables
 * while the next step, predicate or sort term runs.
 */

import type { EvalContext } from './context.js';
import type { Frame } from './frame.js';
import { append } from './sequence.js';

export type Tuple = Record<string, unknown>;

export function frameFromTuple(frame: Frame, tuple: Tuple): Frame {
  const child = frame.child();
  for (const key of Object.keys(tuple)) child.bind(key, tuple[key]);
  return child;
}

/** Merges a group's tuples into one: each binding becomes the sequence of its values. */
export function reduceTupleStream(ctx: EvalContext, stream: unknown): Tuple {
  if (!Array.isArray(stream)) return stream as Tuple;
  const result: Tuple = Object.create(null);
  Object.assign(result, stream[0]);
  for (let i = 1; i < stream.length; i++) {
    for (const key of Object.keys(stream[i] as Tuple)) {
      result[key] = append(ctx, result[key], (stream[i] as Tuple)[key]);
    }
  }
  return result;
}
