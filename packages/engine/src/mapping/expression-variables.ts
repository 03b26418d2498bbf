/**
 * @module The `$names` a compiled JSONata expression mentions, read from its syntax tree. JSONata has no way to
 * name a variable at run time (`$eval` is disabled), so the tree lists every variable an evaluation can read.
 */

/**
 * Every variable name in a JSONata syntax tree (`$v(x)`, `$table.a`, `$x := …` all give their name; `$` and
 * `$$` give none). Over-approximates on purpose: a name bound locally is listed too.
 */
export function variableNames(ast: unknown): Set<string> {
  const names = new Set<string>();
  const seen = new Set<object>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const { type, value } = node as { type?: unknown; value?: unknown };
    if (type === 'variable' && typeof value === 'string' && value !== '' && value !== '$') names.add(value);
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return names;
}
