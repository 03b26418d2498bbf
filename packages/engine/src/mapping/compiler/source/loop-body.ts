/**
 * @module The function literal a `$map` or `$reduce` loop is written out for, and its body's scope: the
 * parameters are locals of the loop, set for each item.
 */
import type { AstNode } from '../ast.js';
import type { Cx } from './generation-context.js';
import { dedupe, openScope } from './scopes.js';
import type { Writer } from './writer.js';

/** A `function(…){ … }` literal with nothing around it (no signature, predicate or grouping). */
export function isPlainLambda(ast: AstNode): boolean {
  return (
    ast.type === 'lambda' &&
    !ast.thunk &&
    ast.signature === undefined &&
    ast.predicate === undefined &&
    !ast.keepArray &&
    ast.group === undefined
  );
}

export interface LoopParams {
  readonly names: readonly string[];
  readonly ids: readonly string[];
}

/** The literal's parameters, each with the local it will be (named now, before the loop's temporaries). */
export function loopParams(g: Writer, lambda: AstNode): LoopParams {
  const names = (lambda.arguments as AstNode[]).map((param) => param.value as string);
  return { names, ids: names.map(() => g.local()) };
}

/**
 * The scope of the literal's body inside the loop, at `depth`: the parameters set to `values` (the ones
 * beyond undefined), the first `raw` of them values of the data, read through `normalize` as a variable is.
 * Tail calls in the body run at the loop's depth.
 */
export function loopBodyScope(
  g: Writer,
  lambda: AstNode,
  params: LoopParams,
  values: readonly string[],
  raw: number,
  cx: Cx,
  depth: number,
  out: string[],
): Cx {
  const { names, ids } = params;
  // A literal without parameters (`$map($xs, function(){ … })`) has no locals to declare.
  if (ids.length > 0)
    out.push(`let ${ids.map((id, n) => `${id} = ${values[n] ?? 'undefined'}`).join(', ')};`);
  const pairs = dedupe(names.map((name, n) => [name, ids[n] as string] as [string, string]));
  const lambdaCx: Cx = { ...cx, depth, tail: { depth, input: 'null' } };
  const bodyCx = openScope(g, [lambda.body as AstNode], lambdaCx, pairs, out);
  const data = new Set(ids.slice(0, raw));
  for (const local of bodyCx.scope?.names.values() ?? []) if (data.has(local.id)) local.raw = true;
  return bodyCx;
}
