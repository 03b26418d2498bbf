/**
 * @module How deeply a parsed JSON body nests. Bodies deeper than any real API payload are refused at the door:
 * recursive code further on (serialization, redaction, mapping) would otherwise hit the stack limit.
 */

/** The deepest nesting of arrays and objects in `value` (a scalar is 0), counted without recursion. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, here]);
  }
  return deepest;
}
