/**
 * @module Calling functions in compiled code: compiled lambdas (closures over a frame, run under the caller's
 * evaluation context), tail-call thunks (jsonata's trampoline, so tail recursion does not grow the depth),
 * library functions, and plain JavaScript functions handed in as bindings. Arguments are checked against the
 * function's signature exactly as jsonata does, with jsonata's own signature objects.
 */
import type { AstNode, Node, Signature } from './ast.js';
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';
import { Frame } from './frame.js';
import { fastValidator } from './signature.js';

/** A function made by `function($a, $b){ … }` in compiled code. */
export class CompiledLambda {
  readonly _jsonata_lambda = true;

  constructor(
    readonly params: readonly string[],
    readonly body: Node,
    readonly frame: Frame,
    readonly input: unknown,
    readonly signature: Signature | undefined,
    /** The `function(…){ … }` node it was made from: what generated source inlines (see `source/`). */
    readonly ast?: AstNode,
  ) {}

  get arity(): number {
    return this.params.length;
  }

  invoke(args: unknown[], ctx: EvalContext): unknown {
    // Missing arguments are undefined; extra ones are never looked up (the names decide).
    return this.body(this.input, Frame.ofCall(this.frame, this.params, args), ctx);
  }
}

/** A function call in tail position of a lambda body, returned unevaluated to the caller's trampoline. */
export class Thunk {
  constructor(
    readonly procedure: Node,
    readonly args: readonly Node[],
    readonly input: unknown,
    readonly frame: Frame,
    readonly token: string | undefined,
    readonly position: number | undefined,
  ) {}
}

/** A function of the library (or an engine binding written for compiled code). */
export interface NativeFunction {
  readonly _jsonata_function: true;
  /** jsonata's implementation: its parameter list gives the arity and partial application's parameters. */
  readonly implementation: (...args: never[]) => unknown;
  readonly signature?: Signature;
  /** Runs with already validated arguments. */
  run(args: unknown[], ctx: EvalContext, input: unknown): unknown;
}

export function isNative(value: unknown): value is NativeFunction {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as NativeFunction)._jsonata_function === true &&
    typeof (value as NativeFunction).run === 'function'
  );
}

/** `getFunctionArity`: how many arguments a higher-order function passes to it. */
export function arityOf(fn: unknown): number {
  const f = fn as { arity?: unknown; implementation?: unknown; length?: unknown; params?: unknown[] };
  if (typeof f.arity === 'number') return f.arity;
  if (typeof f.implementation === 'function') return f.implementation.length;
  if (typeof f.length === 'number') return f.length;
  return 0;
}

/** Calls `proc` with `args`, unwinding tail calls. `token`/`position` name the call site in errors. */
export function apply(
  proc: unknown,
  args: unknown[],
  input: unknown,
  ctx: EvalContext,
  token?: string,
  position?: number,
): unknown {
  return unwind(applyInner(proc, args, input, ctx, token, position), input, ctx);
}

/** jsonata's trampoline: while a call answers a tail call, make that call. */
export function unwind(first: unknown, input: unknown, ctx: EvalContext): unknown {
  let result = first;
  while (result instanceof Thunk) {
    const thunk = result;
    const next = thunk.procedure(thunk.input, thunk.frame, ctx);
    const evaluated: unknown[] = [];
    for (const arg of thunk.args) evaluated.push(arg(thunk.input, thunk.frame, ctx));
    result = applyInner(next, evaluated, input, ctx, thunk.token, thunk.position);
  }
  return result;
}

/** What jsonata adds to an error raised inside a call: the call's function name and position. */
export function relocate(error: unknown, token: string | undefined, position: number | undefined): unknown {
  if (error !== null && typeof error === 'object') {
    const e = error as { token?: unknown; position?: unknown };
    if (e.token === undefined && token !== undefined) e.token = token;
    e.position = position || e.position;
  }
  return error;
}

function applyInner(
  proc: unknown,
  args: unknown[],
  input: unknown,
  ctx: EvalContext,
  token: string | undefined,
  position: number | undefined,
): unknown {
  try {
    const signature =
      proc !== null && proc !== undefined ? (proc as { signature?: Signature }).signature : undefined;
    const validated = signature !== undefined ? fastValidator(signature)(args, input) : args;
    if (proc instanceof CompiledLambda) return proc.invoke(validated, ctx);
    if (isNative(proc)) return proc.run(validated, ctx, input);
    if (
      proc !== null &&
      typeof proc === 'object' &&
      (proc as { _jsonata_function?: unknown })._jsonata_function
    ) {
      const implementation = (proc as { implementation: (...a: unknown[]) => unknown }).implementation;
      return synchronous(implementation.apply({ input }, validated));
    }
    if (typeof proc === 'function') return synchronous(proc.apply(input, validated));
    if (
      proc !== null &&
      typeof proc === 'object' &&
      (proc as { _jsonata_lambda?: unknown })._jsonata_lambda
    ) {
      // An interpreter lambda cannot run synchronously; the loader never lets one reach compiled code.
      throw new Error('a function made by the JSONata interpreter cannot be called from compiled code');
    }
    throw jsonataError('T1006');
  } catch (error) {
    if (proc !== undefined && proc !== null) relocate(error, token, position);
    throw error;
  }
}

/** Compiled code is synchronous: a binding function that answers a promise is a programming error, said clearly. */
function synchronous(result: unknown): unknown {
  if (
    result !== null &&
    typeof result === 'object' &&
    typeof (result as { then?: unknown }).then === 'function'
  ) {
    throw new Error(
      'a function bound into a compiled JSONata expression must return its value, not a promise',
    );
  }
  return result;
}
