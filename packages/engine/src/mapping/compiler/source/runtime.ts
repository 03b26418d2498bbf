/**
 * @module What generated source calls at run time: the compiler's own helpers (the same functions the closures
 * use, so both forms share one definition of each rule) plus the few glue functions generated code needs to
 * hand a subtree to its closure (a frame holding the generated locals) or to call a library function the way
 * a compiled call site does.
 */

import { type NativeFunction, relocate, unwind } from '../callable.js';
import { located as locatedCall } from '../calls.js';
import { markCons, setKey } from '../constructors.js';
import type { EvalContext } from '../context.js';
import { jsonataError } from '../errors.js';
import { Frame } from '../frame.js';
import { REFERENCE } from '../functions/reference-library.js';
import { toText } from '../functions/text.js';
import { isIn, located as locatedOperator, negate, OPERATIONS } from '../operators.js';
import { createSequence, normalize } from '../sequence.js';
import type { Validate } from '../signature.js';
import { isArrayOfStrings, isDeepEqual, isFunctionValue, isTrue } from '../values.js';

const typeOf = REFERENCE.type.implementation as (value: unknown) => string | undefined;

/** The root frame of one evaluation (`$` bound to the input), made only when a closure needs a frame. */
function rootFrame(
  input: unknown,
  bindings: Readonly<Record<string, unknown>> | undefined,
  globals: Readonly<Record<string, unknown>>,
): Frame {
  const frame = new Frame(undefined, { bindings, globals });
  frame.bind('$', input);
  return frame;
}

/** A frame holding the generated locals a closure reads (names and values in the same order). */
function frameOf(parent: Frame, names: readonly string[], values: unknown[]): Frame {
  return Frame.ofCall(parent, names, values);
}

/**
 * Errors raised by a call a trampoline made (a tail call of an inlined function): already located by it, so
 * the call site that inlined the function only fills what is missing (jsonata unwinds tail calls outside the
 * function's own error handling).
 */
const fromTailCall = new WeakSet<object>();

/** What a tail call adds to its error, as the trampoline does; the error is then marked as located. */
function tailError(error: unknown, token?: string, position?: number): unknown {
  if (error === null || typeof error !== 'object' || fromTailCall.has(error)) return error;
  if (token !== undefined || position !== undefined) relocate(error, token, position);
  fromTailCall.add(error);
  return error;
}

/** What the trampoline adds to an error raised by a library function it called (whatever the error's origin). */
function tailNativeError(error: unknown, token: string, position: number | undefined): unknown {
  if (error === null || typeof error !== 'object') return error;
  fromTailCall.delete(error);
  return tailError(relocate(error, token, position));
}

/** What a call site of a `definitions:` function adds to an error its body raised. */
function callError(error: unknown, name: string | undefined, position: number | undefined): unknown {
  if (error !== null && typeof error === 'object' && fromTailCall.delete(error)) {
    return locatedCall(error, position, name);
  }
  return locatedCall(relocate(error, name, position), position, name);
}

/** What a library function's call site adds to an error raised inside the function. */
function nativeError(error: unknown, name: string | undefined, position: number | undefined): unknown {
  if (error !== null && typeof error === 'object') fromTailCall.delete(error);
  return locatedCall(relocate(error, name, position), position, name);
}

/** `$name` read from the caller's bindings or the definitions and library, as a variable node reads it. */
function readRoot(
  bindings: Readonly<Record<string, unknown>> | undefined,
  globals: Readonly<Record<string, unknown>>,
  name: string,
): unknown {
  const value = bindings !== undefined && Object.hasOwn(bindings, name) ? bindings[name] : globals[name];
  return Array.isArray(value) ? normalize(value, false) : value;
}

/** `$name` read in the frame an inlined function was made in. */
function readFrame(frame: Frame, name: string): unknown {
  const value = frame.lookup(name);
  return Array.isArray(value) ? normalize(value, false) : value;
}

/** A library function called as a compiled call site calls it: checked arguments, then its implementation. */
function callNative(
  fn: NativeFunction,
  validate: Validate | undefined,
  args: unknown[],
  input: unknown,
  ctx: EvalContext,
): unknown {
  return fn.run(validate === undefined ? args : validate(args, input), ctx, input);
}

export const RUNTIME = Object.freeze({
  rootFrame,
  frameOf,
  callError,
  nativeError,
  tailError,
  tailNativeError,
  readRoot,
  readFrame,
  callNative,
  negate,
  isIn,
  markCons,
  unwind,
  setKey,
  toText,
  typeOf,
  isTrue,
  isDeepEqual,
  isArrayOfStrings,
  isFunctionValue,
  normalize,
  createSequence,
  OPERATIONS,
  locatedOperator,
  jsonataError,
  hasOwn: Object.hasOwn,
});

export type Runtime = typeof RUNTIME;
