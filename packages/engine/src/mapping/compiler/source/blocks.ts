/** @module Blocks `( a; b )`, each a generated scope, and `$x := v`, an assignment to the scope's local. */
import type { AstNode } from '../ast.js';
import { type Cx, child } from './generation-context.js';
import { Refuse } from './refuse.js';
import { openScope } from './scopes.js';
import type { Writer } from './writer.js';

export function block(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const expressions = ast.expressions as AstNode[];
  if (expressions.length === 0) return 'undefined';
  const t = g.temp();
  out.push(`let ${t};`, '{');
  const inner = openScope(g, expressions, child(cx), [], out);
  expressions.forEach((expression, i) => {
    const value = g.gen(expression, inner, out);
    if (i === expressions.length - 1) out.push(`${t} = ${value};`);
    // A statement whose value is a bare name has nothing left to run.
    else if (!/^[A-Za-z_$][\w$]*$/.test(value)) out.push(`${value};`);
  });
  out.push('}');
  return t;
}

export function bind(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const name = (ast.lhs as AstNode).value as string;
  const local = cx.scope?.names.get(name);
  if (local === undefined) throw new Refuse(`\`$${name} :=\` outside a generated scope`);
  const value = g.gen(ast.rhs as AstNode, child(cx), out);
  const t = g.temp();
  out.push(`const ${t} = ${value}; ${local.id} = ${t};`);
  return t;
}
