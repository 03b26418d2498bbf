/**
 * @module Array constructors `[a, b]` (items appended, nested constructors kept as arrays) and object
 * constructors / group-by `{ key: value }` (the input grouped by each key, the value evaluated per group).
 */
import { type AstNode, type Compile, type Node, NotCompilable } from './ast.js';
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
  if (items.length < 2) return;
  const pending: unknown[] = [...items];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const { type } = node as { type?: unknown };
    // A block or a lambda body binds in a frame of its own: nothing the other items can see.
    if (type === 'block' || type === 'lambda') continue;
    if (type === 'bind') {
      throw new NotCompilable(
        'a `:=` inside an array or object constructor: jsonata evaluates the items concurrently',
      );
    }
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') pending.push(child);
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
    let result: unknown[] = [];
    for (const item of items) {
      const value = item.node(input, frame, ctx);
      if (value === undefined) continue;
      if (item.keep) result.push(value);
      else result = append(ctx, result, value) as unknown[];
    }
    if (cons) Object.defineProperty(result, 'cons', { enumerable: false, configurable: false, value: true });
    return result;
  };
}

export type GroupNode = (input: unknown, frame: Frame, ctx: EvalContext) => Record<string, unknown>;

export function compileGroup(
  compile: Compile,
  group: { lhs: [AstNode, AstNode][]; position?: number },
): GroupNode {
  refuseSharedBindings(group.lhs.map(([, value]) => value));
  const pairs = group.lhs.map(([key, value]) => ({ key: compile(key), value: compile(value) }));
  const position = group.position;
  return (input, frame, ctx) => {
    const result: Record<string, unknown> = Object.create(null);
    const groups: Record<string, { data: unknown; exprIndex: number }> = Object.create(null);
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
        if (key === '_jsonata_lambda' || key === '_jsonata_function') {
          throw jsonataError('D1013', { position, value: key });
        }
        const existing = groups[key];
        if (existing !== undefined) {
          if (existing.exprIndex !== pairIndex) throw jsonataError('D1009', { position, value: key });
          existing.data = append(ctx, existing.data, item);
        } else groups[key] = { data: item, exprIndex: pairIndex };
      }
    }
    for (const key of Object.keys(groups)) {
      const entry = groups[key] as { data: unknown; exprIndex: number };
      let context = entry.data;
      let env = frame;
      if (reduce) {
        const tuple = reduceTupleStream(ctx, entry.data);
        context = tuple['@'];
        delete tuple['@'];
        env = frameFromTuple(frame, tuple);
      }
      const value = (pairs[entry.exprIndex] as (typeof pairs)[number]).value(context, env, ctx);
      if (value !== undefined) result[key] = value;
    }
    return result;
  };
}
