/**
 * @module The `$names` a compiled JSONata expression mentions, read from its syntax tree. JSONata has no way to
 * name a variable at run time (`$eval` is disabled), so the tree lists every variable an evaluation can read.
 */
import { forEachSyntaxNode } from './syntax-tree-nodes.js';

/**
 * Every variable name in a JSONata syntax tree (`$v(x)`, `$table.a`, `$x := …` all give their name; `$` and
 * `$$` give none). Over-approximates on purpose: a name bound locally is listed too.
 */
export function variableNames(ast: unknown): Set<string> {
  const names = new Set<string>();
  forEachSyntaxNode(ast, (node) => {
    const { type, value } = node as { type?: unknown; value?: unknown };
    if (type === 'variable' && typeof value === 'string' && value !== '' && value !== '$') names.add(value);
  });
  return names;
}
