/**
 * @module Which `$names` an expression can bind itself (`:=`, lambda parameters, `@$x`, `#$i`). Every other
 * name can only come from the evaluation's bindings, the definitions or the library, so its lookup skips the
 * frames and goes straight to the root scope.
 */
import { forEachSyntaxNode } from '../syntax-tree-nodes.js';
import type { AstNode } from './ast.js';

/** The parameters of the composition `~>` builds for two functions (see `calls.ts`). */
const COMPOSITION = ['f', 'g', 'x'];

export function localNames(ast: unknown): Set<string> {
  const names = new Set<string>(COMPOSITION);
  forEachSyntaxNode(ast, (node) => {
    const n = node as AstNode & { type?: unknown };
    if (n.type === 'bind' && n.lhs !== undefined && !Array.isArray(n.lhs)) names.add(n.lhs.value as string);
    if (n.type === 'lambda') for (const param of n.arguments ?? []) names.add(param.value as string);
    if (typeof n.focus === 'string') names.add(n.focus);
    if (typeof n.index === 'string') names.add(n.index);
    for (const stage of n.stages ?? [])
      if (stage.type === 'index' && typeof stage.value === 'string') names.add(stage.value);
  });
  return names;
}
