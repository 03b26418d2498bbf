/**
 * @module Visits every node of a JSONata syntax tree once. The tree is plain objects whose children sit under
 * many keys (`lhs`, `steps`, `stages`, `arguments`, …), so the walk follows every object value, and remembers
 * what it has seen so a node reachable from two parents is visited once. Iterative, so a deep tree cannot
 * overflow the stack.
 */
export function forEachSyntaxNode(ast: unknown, visit: (node: object) => void): void {
  const seen = new Set<object>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    visit(node);
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
}
