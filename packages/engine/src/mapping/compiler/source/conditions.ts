/** @module Conditions `c ? a : b`, and the truthiness test they and `$sift` share. */
import type { AstNode } from '../ast.js';
import { type Cx, child } from './generation-context.js';
import type { Writer } from './writer.js';

/** `value` as a JavaScript boolean, as jsonata tests it (a boolean read as it is, the common case). */
export function truthy(g: Writer, value: string, out: string[]): string {
  const t = g.temp();
  out.push(`const ${t} = ${value};`);
  return `(typeof ${t} === 'boolean' ? ${t} : R.isTrue(${t}))`;
}

export function condition(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const inner = child(cx);
  const test = truthy(g, g.gen(ast.condition as AstNode, inner, out), out);
  const t = g.temp();
  out.push(`let ${t};`, `if (${test}) {`);
  out.push(`${t} = ${g.gen(ast.then as AstNode, inner, out)};`);
  if (ast.else !== undefined) {
    out.push('} else {');
    out.push(`${t} = ${g.gen(ast.else, inner, out)};`);
  }
  out.push('}');
  return t;
}
