/**
 * @module Stage 7: the definition handed to the runtime is immutable, so no request can change what the next
 * one sees. Shared subtrees (YAML aliases) are frozen once.
 */

export function deepFreeze<T>(value: T): Readonly<T> {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || Object.isFrozen(next)) continue;
    Object.freeze(next);
    for (const child of Object.values(next)) pending.push(child);
  }
  return value;
}
