/**
 * @module Where two JSON values first differ, as a readable path (`$.roles[1].id: "5" ≠ 5`). Object key order
 * does not matter; `undefined` members count as absent, as they do once serialised.
 */

export function firstDifference(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length)
      return `${path}: ${actual.length} items ≠ ${expected.length} items`;
    for (let i = 0; i < actual.length; i++) {
      const found = firstDifference(actual[i], expected[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isObject(actual) && isObject(expected)) {
    const keys = new Set([...definedKeys(actual), ...definedKeys(expected)]);
    for (const key of [...keys].sort()) {
      const found = firstDifference(actual[key], expected[key], `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return `${path}: ${show(actual)} ≠ ${show(expected)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : (JSON.stringify(value) ?? String(value));
}
