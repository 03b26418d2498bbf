/**
 * @module Makes a JSONata result plain JSON: drops `undefined` and function values, turns JSONata's internal
 * sequences (arrays carrying `sequence`/`keepSingleton` flags) into plain arrays, and rebuilds its
 * prototype-less objects as ordinary ones.
 */

export function cleanOutput<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // A frozen array is a shared `definitions:` value: copied, never written to.
    const array = isSequence(value) ? value.filter(keep) : Object.isFrozen(value) ? [...value] : value;
    for (let i = 0; i < array.length; i++) array[i] = clean(array[i]);
    return array;
  }
  // JSONata builds objects without a prototype; callers (and deep equality) expect plain JSON objects.
  const object: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const item = (value as Record<string, unknown>)[key];
    if (keep(item)) object[key] = item !== null && typeof item === 'object' ? clean(item) : item;
  }
  return object;
}

function keep(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function';
}

function isSequence(array: unknown[]): boolean {
  return (
    Object.hasOwn(array, 'sequence') ||
    Object.hasOwn(array, 'keepSingleton') ||
    Object.hasOwn(array, 'outerWrapper')
  );
}
