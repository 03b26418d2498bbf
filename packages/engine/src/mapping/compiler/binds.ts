/**
 * @module The `$x := …` a node makes in the frame it is evaluated in: a block or a function body binds in a
 * frame of its own, so what is inside one is not counted.
 */
import type { AstNode } from './ast.js';

/** Adds to `into` the names `:=` binds in the scope of `ast` (not inside a nested block or function). */
export function collectBinds(ast: unknown, into: Set<string>): void {
  if (ast === null || typeof ast !== 'object') return;
  const node = ast as AstNode;
  if (node.type === 'block' || node.type === 'lambda') return;
  if (node.type === 'bind' && node.lhs !== undefined && !Array.isArray(node.lhs))
    into.add(node.lhs.value as string);
  for (const child of Object.values(node))
    if (child !== null && typeof child === 'object') collectBinds(child, into);
}

/** True when `ast` contains a `:=` that binds in the frame it is evaluated in. */
export function bindsOutward(ast: AstNode): boolean {
  if (ast.type === 'block' || ast.type === 'lambda') return false;
  const names = new Set<string>();
  collectBinds(ast, names);
  return names.size > 0;
}
