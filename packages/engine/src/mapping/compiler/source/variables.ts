/** @module Variable reads: `$` the input, `$$` the root input, a generated local, or a free name. */
import type { AstNode } from '../ast.js';
import type { Cx } from './generation-context.js';
import { Refuse } from './refuse.js';
import { lookupLocal } from './scopes.js';
import type { Writer } from './writer.js';

export function variable(g: Writer, name: string, cx: Cx): string {
  if (name === '') return cx.input;
  if (name === '$') return cx.base.rootInput;
  const local = lookupLocal(cx, name);
  if (local !== undefined) {
    return local.raw
      ? `(Array.isArray(${local.id}) ? R.normalize(${local.id}, false) : ${local.id})`
      : local.id;
  }
  const known = cx.base.known(name);
  if (known !== undefined) {
    // Definitions are cleaned plain values; a sequence would need the closures' normalising.
    if (Array.isArray(known) && (known as { sequence?: unknown }).sequence === true)
      throw new Refuse('sequence');
    return g.constant(known);
  }
  return cx.base.read(name);
}

/**
 * `$list[0]`: a variable with one fixed index (what the closures' numeric filter does: a negative index
 * counts from the end, an array item is the result as it is, an empty result is nothing). Undefined for any
 * other predicate.
 */
export function fixedIndex(g: Writer, ast: AstNode, cx: Cx, out: string[]): string | undefined {
  const predicate = ast.predicate ?? [];
  const index = predicate[0]?.expr;
  if (ast.type !== 'variable' || predicate.length !== 1 || index?.type !== 'number') return undefined;
  const fixed = Math.floor(index.value as number);
  const value = g.simple(variable(g, ast.value as string, cx), out);
  const items = g.temp();
  const item = g.temp();
  const t = g.temp();
  const at = fixed < 0 ? `${items}.length + ${fixed}` : String(fixed);
  out.push(
    `const ${items} = Array.isArray(${value}) ? ${value} : [${value}];`,
    `const ${item} = ${items}[${at}];`,
    `const ${t} = Array.isArray(${item}) ? R.normalize(${item}, false) : ${item};`,
  );
  return t;
}
