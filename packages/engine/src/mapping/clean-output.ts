/**
 * @module Makes a JSONata result plain JSON: drops `undefined` and function values, turns JSONata's internal
 * sequences (arrays carrying `sequence`/`keepSingleton` flags) into plain arrays, and rebuilds its
 * prototype-less objects as ordinary ones. Ordinary, unfrozen objects below the top level are cleaned in place.
 */

export function cleanOutput<T>(value: T, options: { fresh?: boolean } = {}): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return clean(value) as T;
  // `fresh`: the caller knows the object was just built for it (compiled code says so): cleaned in place.
  if (options.fresh && Object.getPrototypeOf(value) === Object.prototype) return clean(value) as T;
  // The top-level object is always a new one: the caller adds `remote_data` to it, and the object may be
  // part of the upstream record (a mapping that returns `profile`).
  return copyObject(value as Record<string, unknown>) as T;
}

function clean(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // A frozen array is a shared `definitions:` value: copied, never written to.
    const array = isSequence(value) ? value.filter(keep) : Object.isFrozen(value) ? [...value] : value;
    for (let i = 0; i < array.length; i++) array[i] = clean(array[i]);
    return array;
  }
  // An ordinary object (compiled code makes them) is cleaned where it is; a frozen one (a shared definition)
  // or a prototype-less one (the interpreter makes them) is rebuilt as a plain object.
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.isFrozen(value)) {
    return copyObject(value as Record<string, unknown>);
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const item = object[key];
    if (!keep(item)) delete object[key];
    else if (item !== null && typeof item === 'object') {
      const cleaned = clean(item);
      if (cleaned !== item) object[key] = cleaned;
    }
  }
  return object;
}

function copyObject(value: Record<string, unknown>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key in value) {
    const item = value[key];
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
