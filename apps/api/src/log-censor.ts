/**
 * @module Censors credentials in log lines by field name, in one walk of the logged object. pino's own
 * wildcard redaction (`*.token`, `*.*.token`, … for every name) did the same but cost about 40 µs per request
 * at `info`, several times the logging itself; this walk costs next to nothing when there is nothing to censor,
 * which is every request line. The logged objects are never modified: what has to change is copied.
 */

/** Field names whose values are censored wherever they appear in the first `MAX_DEPTH` levels. */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'cookie',
  'x-api-key',
  'client_secret',
  'password',
  'access_token',
  'refresh_token',
  'api_key',
  'apiKey',
  'secrets',
  'connection',
  'link_token',
  'token',
]);

export const CENSOR = '[redacted]';

/** Deep enough for an error's `details.remote.body.<field>`; bounded so a huge object costs little. */
const MAX_DEPTH = 5;

/** Top-level keys pino hands to a serializer: their raw values (a request, a reply, an error) are not walked. */
const SERIALIZED_KEYS: ReadonlySet<string> = new Set(['req', 'res', 'err']);

/**
 * `value` itself when it holds no secret-named field, else a copy with those values censored. `depth` is the
 * level `value`'s own fields sit at in the log line (2 for the output of a top-level key's serializer).
 */
export function censorSecrets<T>(value: T, depth = 1): T {
  return censor(value, depth) as T;
}

/**
 * pino's `formatters.log`, which runs before serializers: censors every field but those a serializer will
 * replace (the `err` serializer censors its own output).
 */
export function censorLogLine(object: Record<string, unknown>): Record<string, unknown> {
  return censorFields(object, 2, SERIALIZED_KEYS) as Record<string, unknown>;
}

function censor(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) {
    return value;
  }
  return censorFields(value, depth + 1);
}

/** Censors the fields of `value` (whose children sit at `childDepth`), skipping the names in `skip`. */
function censorFields(value: object, childDepth: number, skip?: ReadonlySet<string>): object {
  const source = value as Record<string, unknown>;
  const changes: [string, unknown][] = [];
  for (const key of keysOf(value)) {
    if (skip?.has(key)) continue;
    const inner = source[key];
    const next = SECRET_KEYS.has(key) && inner !== undefined ? CENSOR : censor(inner, childDepth);
    if (next !== inner) changes.push([key, next]);
  }
  return changes.length === 0 ? value : withChanges(value, changes);
}

/** What JSON serialization shows (own enumerable keys), plus an error's `cause`, which pino serializes too. */
function keysOf(value: object): string[] {
  const keys = Object.keys(value);
  if (value instanceof Error && Object.hasOwn(value, 'cause')) keys.push('cause');
  return keys;
}

function withChanges(value: object, changes: [string, unknown][]): object {
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (Array.isArray(value) || prototype === Object.prototype || prototype === null) {
    const copy = (Array.isArray(value) ? value.slice() : { ...value }) as Record<string, unknown>;
    for (const [key, next] of changes) copy[key] = next;
    return copy;
  }
  // Errors and class instances keep their prototype and property flags: pino's error serializer reads the
  // type, message, stack and cause as it would on the original.
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const [key, next] of changes) {
    descriptors[key] = {
      value: next,
      writable: true,
      configurable: true,
      enumerable: descriptors[key]?.enumerable ?? true,
    };
  }
  return Object.create(prototype, descriptors) as object;
}
