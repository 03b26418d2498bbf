/**
 * @module Calls of `definitions:` functions with their bodies generated in place: the arguments bound as
 * locals of the body, its free names resolved in the frame the function was made in (never the caller's), `$`
 * its input. A tail call (jsonata's thunk) is made as the caller's trampoline makes it.
 */
import type { AstNode } from '../ast.js';
import type { CompiledLambda } from '../callable.js';
import { definitionBase } from './free-names.js';
import { type Cx, child } from './generation-context.js';
import { Refuse } from './refuse.js';
import { dedupe, openScope } from './scopes.js';
import { q, type Writer } from './writer.js';

/** How deep definition calls are inlined into one another. */
const MAX_INLINE = 6;

/** Refuses a function whose body cannot be inlined here. */
export function inlinable(lambda: CompiledLambda, cx: Cx): void {
  if (lambda.ast === undefined || lambda.signature !== undefined) throw new Refuse('not inlinable');
  if (cx.inlining.includes(lambda) || cx.inlining.length >= MAX_INLINE) throw new Refuse('recursive');
  if (Array.isArray(lambda.input)) throw new Refuse('array input');
}

/** A call of `lambda` (`ast` the call node, `name` and `position` its procedure's), its body inlined. */
export function inline(
  g: Writer,
  lambda: CompiledLambda,
  ast: AstNode,
  name: string,
  position: number | undefined,
  cx: Cx,
  out: string[],
  tail: boolean,
): string {
  inlinable(lambda, cx);
  // A tail call runs where the trampoline runs it: at the depth of the call that returned it.
  const depth = tail ? (cx.tail as { depth: number }).depth : cx.depth + 1;
  const argCx = tail ? { ...cx, depth } : child(cx);
  const args = (ast.arguments as AstNode[]).map((arg) => g.simple(g.gen(arg, argCx, out), out));
  const t = g.temp();
  out.push(`let ${t};`, 'try {');
  const tailInput = tail ? (cx.tail as { input: string }).input : cx.input;
  out.push(`${t} = ${inlineBody(g, lambda, args, depth, tailInput, cx, out)};`);
  const onError = tail
    ? `R.tailError(e, ${q(name)}, ${position})`
    : `R.callError(e, ${q(name)}, ${position})`;
  out.push(`} catch (e) { throw ${onError}; }`);
  if (!tail) out.push(`if (Array.isArray(${t})) ${t} = R.normalize(${t}, false);`);
  return t;
}

/**
 * The body of a `definitions:` function with its parameters bound to `args` (missing ones undefined), run at
 * `depth`; its tail calls run as a trampoline called with `tailInput` runs them. Errors are left to the caller.
 */
export function inlineBody(
  g: Writer,
  lambda: CompiledLambda,
  args: readonly string[],
  depth: number,
  tailInput: string,
  cx: Cx,
  out: string[],
): string {
  const lambdaAst = lambda.ast as AstNode;
  const base = definitionBase(g, lambda, lambdaAst);
  const params = lambda.params.map((param) => [param, g.local()] as [string, string]);
  if (params.length > 0)
    out.push(`let ${params.map(([, id], i) => `${id} = ${args[i] ?? 'undefined'}`).join(', ')};`);
  const outer: Cx = {
    scope: undefined,
    base,
    input: g.constant(lambda.input),
    inputUndefined: lambda.input === undefined,
    depth,
    tail: { depth, input: tailInput },
    inlining: [...cx.inlining, lambda],
  };
  const body = lambdaAst.body as AstNode;
  const bodyCx = openScope(g, [body], outer, dedupe(params), out);
  return g.simple(g.gen(body, bodyCx, out), out);
}
