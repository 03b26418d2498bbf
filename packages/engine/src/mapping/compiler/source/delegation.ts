/**
 * @module Handing a subtree to its closure: what generated source does with every node it does not write
 * itself, and with a fast path whose assumption fails at run time.
 */
import { variableNames } from '../../expression-variables.js';
import type { AstNode, Node } from '../ast.js';
import { bindsOutward } from '../binds.js';
import { compileSubtree } from '../compile-node.js';
import type { Cx } from './generation-context.js';
import { Refuse } from './refuse.js';
import { lookupLocal } from './scopes.js';
import type { Writer } from './writer.js';

/**
 * Hands a subtree to its closure, with a frame holding the generated locals it reads. Refused when the
 * subtree could bind a name in a generated scope, or make a function that would keep the frame (the locals
 * it holds are copies).
 */
export function delegate(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  if (bindsOutward(ast)) throw new Refuse('a `:=` handed to a closure');
  const visible: [string, string][] = [];
  for (const name of variableNames(ast)) {
    const local = lookupLocal(cx, name);
    if (local !== undefined) visible.push([name, local.id]);
  }
  if (visible.length > 0 && makesFunctions(ast)) throw new Refuse('a function over generated locals');
  const index = g.closures.length;
  g.closures.push(lazyClosure(ast, cx.base.locals));
  const frame =
    visible.length === 0
      ? cx.base.frame
      : `R.frameOf(${cx.base.frame}, ${g.constant(visible.map(([name]) => name))}, [${visible.map(([, id]) => id).join(', ')}])`;
  const t = g.temp();
  // The closure counts levels from here: the exact depth it would start at (see `guardrails.ts`).
  out.push(`context().depth = ${cx.depth};`, `const ${t} = C[${index}](${cx.input}, ${frame}, ctx);`);
  return t;
}

/**
 * The closure for `ast`, compiled on its first call: most are the fallback of a path for an input the source
 * does not expect, and never run.
 */
function lazyClosure(ast: AstNode, locals: ReadonlySet<string>): Node {
  let node: Node | undefined;
  return (input, frame, ctx) => {
    node ??= compileSubtree(ast, locals);
    return node(input, frame, ctx);
  };
}

/** True when evaluating `ast` can make a function value (which would keep its frame). */
function makesFunctions(ast: unknown): boolean {
  if (ast === null || typeof ast !== 'object') return false;
  const { type } = ast as { type?: unknown };
  if (type === 'lambda' || type === 'partial' || type === 'transform') return true;
  for (const child of Object.values(ast))
    if (child !== null && typeof child === 'object' && makesFunctions(child)) return true;
  return false;
}
