/**
 * @module The function library compiled code sees as `$name`: jsonata's synchronous functions as they are,
 * synchronous versions of the asynchronous ones, and `$eval` disabled (data must never smuggle code into a
 * mapping). Each entry keeps jsonata's signature, so arguments are validated and coerced exactly as the
 * interpreter does, and jsonata's implementation, whose parameter list gives the arity.
 */
import type { NativeFunction } from '../callable.js';
import type { EvalContext } from '../context.js';
import { createSequence } from '../sequence.js';
import { millis, now } from './datetime.js';
import { each, filter, map, reduce, sift, single, sort } from './higher-order.js';
import { LIBRARY_NAMES, type LibraryName, REFERENCE } from './reference-library.js';
import { contains, match, replace, split } from './regex-functions.js';
import { toText } from './text.js';

type Run = (ctx: EvalContext, ...args: never[]) => unknown;

/** The compiler's own versions of jsonata's asynchronous (or per-expression) functions, and `$string`'s fast path. */
const SYNCHRONOUS: Partial<Record<LibraryName, Run>> = {
  string: (_ctx, value: unknown, prettify?: boolean) => toText(value, prettify),
  map,
  filter,
  single,
  reduce,
  sift,
  each,
  sort,
  contains,
  match,
  replace,
  split,
  now,
  millis,
  eval: () => {
    throw new Error('$eval is disabled in Switchboard mappings');
  },
};

/**
 * What jsonata passes as `this` to a library function: sequence making under the evaluation's cap, the
 * evaluation's instant for date parsing. One small object per evaluation, made on the first library call.
 */
class Focus {
  readonly input = undefined;
  readonly options: { sequence?: number };
  private instant: { timestamp: Date } | undefined;

  constructor(private readonly ctx: EvalContext) {
    const max = ctx.limits.maxSequence;
    this.options = max > 0 ? { sequence: max } : {};
  }

  createSequence(...items: unknown[]): unknown[] {
    return createSequence(this.ctx, ...items);
  }

  /** Read by `$toMillis` with a picture only. */
  get environment(): { timestamp: Date } {
    this.instant ??= { timestamp: new Date(this.ctx.timestamp) };
    return this.instant;
  }
}

function focusOf(ctx: EvalContext): Focus {
  let focus = ctx.focus as Focus | undefined;
  if (focus === undefined) {
    focus = new Focus(ctx);
    ctx.focus = focus;
  }
  return focus;
}

function native(name: LibraryName): NativeFunction {
  const reference = REFERENCE[name];
  const own = SYNCHRONOUS[name];
  const implementation = reference.implementation as (...args: unknown[]) => unknown;
  const run: NativeFunction['run'] =
    own !== undefined
      ? (args, ctx) =>
          // Up to four arguments passed directly (no spread): every function here reads named parameters.
          args.length <= 4
            ? (own as (ctx: EvalContext, ...a: unknown[]) => unknown)(ctx, args[0], args[1], args[2], args[3])
            : (own as (ctx: EvalContext, ...a: unknown[]) => unknown)(ctx, ...args)
      : (args, ctx) => implementation.apply(focusOf(ctx), args);
  // `$eval` is replaced without a signature, exactly as the interpreter's replacement is registered.
  const signature = name === 'eval' ? undefined : reference.signature;
  return Object.freeze({
    _jsonata_function: true as const,
    implementation: reference.implementation,
    ...(signature === undefined ? {} : { signature }),
    run,
  });
}

/** The library as a prototype-less object: the bottom of every compiled expression's scope. */
export const LIBRARY: Readonly<Record<string, unknown>> = (() => {
  const library = Object.create(null) as Record<string, unknown>;
  for (const name of LIBRARY_NAMES) library[name] = native(name);
  return Object.freeze(library);
})();
