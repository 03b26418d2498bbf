/**
 * @module Array constructors `[a, b]` (items appended, nested constructors kept as arrays) and object
 * constructors / group-by `{ key: value }` (the input grouped by each key, the value evaluated per group).
 */
import { type AstNode, type Compile, type Node, NotCompilable } from './ast.js';
import { bindsOutward } from './binds.js';
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';
import type { Frame } from './frame.js';
import { append, createSequence, type Sequence } from './sequence.js';
import { frameFromTuple, reduceTupleStream, type Tuple } from './tuples.js';

/**
 * jsonata evaluates the items of a constructor concurrently (`Promise.all`), so a `$x := …` in one item is
 * not yet bound when another item reads `$x`: the outcome depends on the interpreter's scheduling. Compiled
 * code runs items in order, so such constructors are left to the interpreter.
 */
function refuseSharedBindings(items: readonly AstNode[]): void {
  if (items.length >= 2 && items.some(bindsOutward)) {
    throw new NotCompilable(
      'a `:=` inside an array or object constructor: jsonata evaluates the items concurrently',
    );
  }
}

export function compileArray(compile: Compile, ast: AstNode): Node {
  refuseSharedBindings(ast.expressions as AstNode[]);
  const items = (ast.expressions as AstNode[]).map((item) => ({
    node: compile(item),
    keep: item.value === '[',
  }));
  const cons = ast.consarray === true;
  return (input, frame, ctx) => {
    const result: unknown[] = [];
    const max = ctx.limits.maxSequence;
    for (const item of items) {
      const value = item.node(input, frame, ctx);
      if (value === undefined) continue;
      if (item.keep) {
        result.push(value);
        continue;
      }
      // jsonata appends (`$append`): an array's items one level deep, under the sequence cap.
      const added = Array.isArray(value) ? value.length : 1;
      if (max > 0 && result.length + added > max)
        throw jsonataError('D2015', { value: result.length + added });
      if (Array.isArray(value)) for (const v of value) result.push(v);
      else result.push(value);
    }
    if (cons) markCons(result);
    return result;
  };
}

/** Marks an array built by `[…]`, which jsonata keeps as one value where a path would flatten it. */
export function markCons(array: unknown[]): void {
  Object.defineProperty(array, 'cons', { enumerable: false, configurable: false, value: true });
}

export type GroupNode = (input: unknown, frame: Frame, ctx: EvalContext) => Record<string, unknown>;

/**
 * Sets a key on a result object. Results are ordinary objects (fast for V8 and what callers expect), so the
 * one key an ordinary object would treat as its prototype is defined rather than assigned.
 */
export function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else object[key] = value;
}

/** Keys jsonata keeps for its function values: an object constructor may not set them (`D1013`). */
export const RESERVED: ReadonlySet<string> = new Set(['_jsonata_lambda', '_jsonata_function']);

export function compileGroup(
  compile: Compile,
  group: { lhs: [AstNode, AstNode][]; position?: number },
): GroupNode {
  refuseSharedBindings(group.lhs.map(([, value]) => value));
  const pairs = group.lhs.map(([key, value]) => ({ key: compile(key), value: compile(value) }));
  const position = group.position;
  const general: GroupNode = (input, frame, ctx) => {
    const result: Record<string, unknown> = {};
    const groups = new Map<string, { data: unknown; exprIndex: number }>();
    const reduce = (input as Sequence | undefined)?.tupleStream === true;
    let items: unknown[] = Array.isArray(input) ? input : createSequence(ctx, input);
    if (items.length === 0 && !reduce) {
      // An empty input still makes the literal object.
      items = createSequence(ctx);
      items.push(undefined);
    }
    for (const item of items) {
      const env = reduce ? frameFromTuple(frame, item as Tuple) : frame;
      const context = reduce ? (item as Tuple)['@'] : item;
      for (let pairIndex = 0; pairIndex < pairs.length; pairIndex++) {
        const key = (pairs[pairIndex] as (typeof pairs)[number]).key(context, env, ctx);
        if (key === undefined) continue;
        if (typeof key !== 'string') throw jsonataError('T1003', { position, value: key });
        if (RESERVED.has(key)) throw jsonataError('D1013', { position, value: key });
        const existing = groups.get(key);
        if (existing !== undefined) {
          if (existing.exprIndex !== pairIndex) throw jsonataError('D1009', { position, value: key });
          existing.data = append(ctx, existing.data, item);
        } else groups.set(key, { data: item, exprIndex: pairIndex });
      }
    }
    // jsonata walks its groups object with Object.keys: integer-like keys first, ascending.
    const keys = [...groups.keys()];
    if (keys.some((key) => INTEGER_KEY.test(key))) keys.sort(integerKeysFirst);
    for (const key of keys) {
      const entry = groups.get(key) as { data: unknown; exprIndex: number };
      let context = entry.data;
      let env = frame;
      if (reduce) {
        const tuple = reduceTupleStream(ctx, entry.data);
        context = tuple['@'];
        delete tuple['@'];
        env = frameFromTuple(frame, tuple);
      }
      const value = (pairs[entry.exprIndex] as (typeof pairs)[number]).value(context, env, ctx);
      if (value !== undefined) setKey(result, key, value);
    }
    return result;
  };

  // `{ "a": x, "b": y }` with distinct literal keys over one value: each value evaluated once, in order, on
  // the input itself, which is what the grouping above does in that case.
  const literalKeys = group.lhs.map(([key]) => (key.type === 'string' ? (key.value as string) : undefined));
  const literal =
    literalKeys.every((key) => key !== undefined && !RESERVED.has(key)) &&
    new Set(literalKeys).size === literalKeys.length;
  if (!literal) return general;
  const build = literalObjectBuilder(literalKeys as string[]);
  const values = pairs.map((pair) => pair.value);
  return (input, frame, ctx) => {
    const { maxDepth } = ctx.limits;
    if (Array.isArray(input) || (maxDepth > 0 && ctx.depth + 1 > maxDepth)) return general(input, frame, ctx);
    return build(values, input, frame, ctx);
  };
}

type Builder = (
  values: readonly Node[],
  input: unknown,
  frame: Frame,
  ctx: EvalContext,
) => Record<string, unknown>;

/**
 * The one piece of generated source: a function that evaluates each value and stores it under its literal key
 * with a named store (`r["id"] = v`), so every object of a mapping shares one V8 shape, as a hand-written
 * object literal would. Keys are embedded with `JSON.stringify`, so no key can inject code; `__proto__` goes
 * through `setKey`. Only values the compiler made run inside it.
 */
function literalObjectBuilder(keys: readonly string[]): Builder {
  const id = JSON.stringify(keys);
  const known = BUILDERS.get(id);
  if (known !== undefined) return known;
  const lines = keys.map((key, i) => {
    const store =
      key === '__proto__' ? `setKey(r, ${JSON.stringify(key)}, v)` : `r[${JSON.stringify(key)}] = v`;
    return `v = values[${i}](input, frame, ctx); if (v !== undefined) ${store};`;
  });
  const body = `const r = {}; let v;\n${lines.join('\n')}\nreturn r;`;
  const make = new Function('setKey', `return function build(values, input, frame, ctx) {\n${body}\n};`);
  const builder = make(setKey) as Builder;
  BUILDERS.set(id, builder);
  return builder;
}

/** One builder per key list: integrations repeat their shapes (a `get` and a `list` share a mapping). */
const BUILDERS = new Map<string, Builder>();

const INTEGER_KEY = /^(0|[1-9][0-9]*)$/;

function integerKeysFirst(a: string, b: string): number {
  const ai = INTEGER_KEY.test(a) && Number(a) < 2 ** 32 - 1;
  const bi = INTEGER_KEY.test(b) && Number(b) < 2 ** 32 - 1;
  if (ai && bi) return Number(a) - Number(b);
  if (ai) return -1;
  if (bi) return 1;
  return 0;
}
