/**
 * @module Constructors: an object with literal keys (each value set when defined) and an array (items
 * appended as jsonata's `$append` does, under the sequence cap). Computed keys and grouping go to the closure.
 */
import type { AstNode } from '../ast.js';
import { RESERVED } from '../constructors.js';
import { delegate } from './delegation.js';
import { type Cx, child } from './generation-context.js';
import { sequenceCap } from './guardrails.js';
import { q, type Writer } from './writer.js';

export function object(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const pairs = ast.lhs as [AstNode, AstNode][];
  const keys = pairs.map(([key]) => (key.type === 'string' ? (key.value as string) : undefined));
  const literal =
    keys.every((key) => key !== undefined && !RESERVED.has(key)) && new Set(keys).size === keys.length;
  if (!literal) return delegate(g, ast, cx, out);
  const inner = child(cx);
  const t = g.temp();
  out.push(`const ${t} = {};`);
  pairs.forEach(([, valueAst], i) => {
    const key = keys[i] as string;
    const value = g.gen(valueAst, inner, out);
    // `__proto__` set by assignment would change the object's prototype instead of adding a key.
    const store = key === '__proto__' ? `R.setKey(${t}, ${q(key)}, ${value})` : `${t}[${q(key)}] = ${value}`;
    out.push(value === 'undefined' ? '' : `if (${value} !== undefined) ${store};`);
  });
  return t;
}

export function array(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const inner = child(cx);
  const t = g.temp();
  const max = g.limits.maxSequence;
  out.push(`const ${t} = [];`);
  for (const item of ast.expressions as AstNode[]) {
    const generated = g.gen(item, inner, out);
    if (generated === 'undefined') continue;
    if (/^("|-?\d|null$|true$|false$)/.test(generated)) {
      // A literal item: one value, neither undefined nor an array.
      out.push(`${sequenceCap(t, '1', max)} ${t}.push(${generated});`);
      continue;
    }
    const value = g.simple(generated, out);
    if (item.value === '[') {
      out.push(`if (${value} !== undefined) ${t}.push(${value});`);
      continue;
    }
    out.push(
      `if (${value} !== undefined) { if (Array.isArray(${value})) { ${sequenceCap(t, `${value}.length`, max)} ` +
        `for (let i = 0; i < ${value}.length; i++) ${t}.push(${value}[i]); } else { ${sequenceCap(t, '1', max)} ${t}.push(${value}); } }`,
    );
  }
  if (ast.consarray === true) out.push(`R.markCons(${t});`);
  return t;
}
