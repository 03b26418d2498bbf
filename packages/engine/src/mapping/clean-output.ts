/**
 * @module Makes a JSONata result plain JSON: drops `undefined` and function values and turns JSONata's
 * internal sequences (arrays carrying `sequence`/`keepSingleton` flags) into plain arrays. Works in place and
 * only allocates when a sequence has to be replaced; upstream data (from JSON) never needs either.
 */

export function cleanOutput<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const array = isSequence(value) ? value.filter(keep) : value;
    for (let i = 0; i < array.length; i++) array[i] = clean(array[i]);
    return array;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const item = object[key];
    if (!keep(item)) delete object[key];
    else if (item !== null && typeof item === 'object') object[key] = clean(item);
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
