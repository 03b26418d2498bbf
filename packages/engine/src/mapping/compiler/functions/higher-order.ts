/**
 * @module `$map`, `$filter`, `$single`, `$reduce`, `$sift`, `$each` and `$sort`: synchronous versions of jsonata's
 * higher-order functions, line for line the same semantics (argument count by the function's arity, undefined
 * results skipped, a stable merge sort whose comparator says "swap").
 */
import { apply, arityOf } from '../callable.js';
import { setKey } from '../constructors.js';
import type { EvalContext } from '../context.js';
import { jsonataError } from '../errors.js';
import { createSequence } from '../sequence.js';
import { isArrayOfNumbers, isArrayOfStrings, isTrue } from '../values.js';

/** The value, then the index/key and the whole structure when the function takes them. */
function hofArgs(fn: unknown, value: unknown, position: unknown, whole: unknown): unknown[] {
  const arity = arityOf(fn);
  if (arity >= 3) return [value, position, whole];
  if (arity >= 2) return [value, position];
  return [value];
}

export function map(ctx: EvalContext, array: unknown[] | undefined, fn: unknown): unknown {
  if (array === undefined) return undefined;
  const result = createSequence(ctx);
  for (let i = 0; i < array.length; i++) {
    const value = apply(fn, hofArgs(fn, array[i], i, array), null, ctx);
    if (value !== undefined) result.push(value);
  }
  return result;
}

export function filter(ctx: EvalContext, array: unknown[] | undefined, fn: unknown): unknown {
  if (array === undefined) return undefined;
  const result = createSequence(ctx);
  for (let i = 0; i < array.length; i++) {
    if (isTrue(apply(fn, hofArgs(fn, array[i], i, array), null, ctx))) result.push(array[i]);
  }
  return result;
}

export function single(ctx: EvalContext, array: unknown[] | undefined, fn: unknown): unknown {
  if (array === undefined) return undefined;
  let found = false;
  let result: unknown;
  for (let i = 0; i < array.length; i++) {
    const matches = fn === undefined || isTrue(apply(fn, hofArgs(fn, array[i], i, array), null, ctx));
    if (!matches) continue;
    if (found) throw jsonataError('D3138', { index: i });
    result = array[i];
    found = true;
  }
  if (!found) throw jsonataError('D3139');
  return result;
}

export function reduce(
  ctx: EvalContext,
  sequence: unknown[] | undefined,
  fn: unknown,
  init: unknown,
): unknown {
  if (sequence === undefined) return undefined;
  const arity = arityOf(fn);
  if (arity < 2) throw jsonataError('D3050', { index: 1 });
  let result: unknown;
  let index: number;
  if (init === undefined && sequence.length > 0) {
    result = sequence[0];
    index = 1;
  } else {
    result = init;
    index = 0;
  }
  for (; index < sequence.length; index++) {
    const args = [result, sequence[index]];
    if (arity >= 3) args.push(index);
    if (arity >= 4) args.push(sequence);
    result = apply(fn, args, null, ctx);
  }
  return result;
}

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

export function sift(ctx: EvalContext, object: unknown, fn: unknown): unknown {
  const result: Record<string, unknown> = {};
  let any = false;
  for (const key of keysOf(object)) {
    const entry = (object as Record<string, unknown>)[key];
    if (isTrue(apply(fn, hofArgs(fn, entry, key, object), null, ctx))) {
      setKey(result, key, entry);
      any = true;
    }
  }
  return any ? result : undefined;
}

export function each(ctx: EvalContext, object: unknown, fn: unknown): unknown {
  const result = createSequence(ctx);
  for (const key of keysOf(object)) {
    const value = apply(fn, hofArgs(fn, (object as Record<string, unknown>)[key], key, object), null, ctx);
    if (value !== undefined) result.push(value);
  }
  return result;
}

/** `swap(a, b)` true means b sorts before a. */
export type Swap = (a: unknown, b: unknown) => boolean;

/** jsonata's merge sort (stable), with its own comparator protocol. */
export function mergeSort(ctx: EvalContext, array: unknown[], swap: Swap): unknown[] {
  if (array.length <= 1) return array;
  const middle = Math.floor(array.length / 2);
  const left = mergeSort(ctx, array.slice(0, middle), swap);
  const right = mergeSort(ctx, array.slice(middle), swap);
  const merged: unknown[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length && r < right.length) {
    ctx.tick();
    if (swap(left[l], right[r])) merged.push(right[r++]);
    else merged.push(left[l++]);
  }
  while (l < left.length) merged.push(left[l++]);
  while (r < right.length) merged.push(right[r++]);
  return merged;
}

export function sort(ctx: EvalContext, array: unknown[] | undefined, comparator: unknown): unknown {
  if (array === undefined) return undefined;
  if (array.length <= 1) return array;
  let swap: Swap;
  if (comparator === undefined) {
    if (!isArrayOfNumbers(array) && !isArrayOfStrings(array)) throw jsonataError('D3070', { index: 1 });
    swap = (a, b) => (a as number) > (b as number);
  } else {
    // jsonata tests the comparator's answer with JavaScript truth, not JSONata's.
    swap = (a, b) => Boolean(apply(comparator, [a, b], null, ctx));
  }
  return mergeSort(ctx, array, swap);
}
