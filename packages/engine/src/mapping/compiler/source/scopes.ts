/**
 * @module Generated scopes: the names a block, a function body or the root binds with `:=` (and the
 * parameters of an inlined function or loop body) are JavaScript locals, looked up innermost first.
 */
import { variableNames } from '../../expression-variables.js';
import type { AstNode } from '../ast.js';
import { collectBinds } from '../binds.js';
import type { Cx } from './generation-context.js';
import { variable } from './variables.js';
import type { Writer } from './writer.js';

export interface Local {
  id: string;
  /** Reads go through `normalize` (a `$map` parameter holds an item of the data, not a node's result). */
  raw: boolean;
}

export interface Scope {
  readonly names: Map<string, Local>;
  readonly parent: Scope | undefined;
}

export function lookupLocal(cx: Cx, name: string): Local | undefined {
  for (let scope = cx.scope; scope !== undefined; scope = scope.parent) {
    const local = scope.names.get(name);
    if (local !== undefined) return local;
  }
  return undefined;
}

/**
 * A new scope for `statements` (a block's expressions, a function body, the root): the names their `:=`
 * bind outside any nested block or function, declared as locals. A local starts as the value the name had
 * outside unless its first mention is a `:=` statement of its own, so reading it earlier sees what the
 * closures' frame lookup would.
 */
export function openScope(
  g: Writer,
  statements: readonly AstNode[],
  cx: Cx,
  params: readonly [string, string][],
  out: string[],
): Cx {
  const names = new Map<string, Local>();
  for (const [name, id] of params) names.set(name, { id, raw: false });
  const bound = new Set<string>();
  for (const statement of statements) collectBinds(statement, bound);
  const declarations: string[] = [];
  for (const name of bound) {
    if (names.has(name)) continue;
    const id = g.local();
    const first = statements.find((statement) => variableNames(statement).has(name));
    const ok =
      first !== undefined &&
      first.type === 'bind' &&
      (first.lhs as AstNode).value === name &&
      !variableNames(first.rhs).has(name);
    declarations.push(ok ? id : `${id} = ${variable(g, name, cx)}`);
    names.set(name, { id, raw: false });
  }
  if (declarations.length > 0) out.push(`let ${declarations.join(', ')};`);
  if (names.size === 0) return cx;
  return { ...cx, scope: { names, parent: cx.scope } };
}

/** Parameters by name, the last of a repeated name winning (as the closures' frame lookup). */
export function dedupe(pairs: readonly [string, string][]): [string, string][] {
  const map = new Map<string, string>();
  for (const [name, id] of pairs) map.set(name, id);
  return [...map];
}
