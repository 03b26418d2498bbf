/**
 * @module Query-string encoding for the API. Keys such as `updated_at[gte]` and `remote_query[foo]` are sent
 * with literal brackets: that is how the contract spells them, and `URLSearchParams` would send `%5B…%5D`.
 */

/** A query value; `undefined` and `null` leave the key out, a `Date` is sent as ISO-8601 UTC. */
export type QueryValue = string | number | boolean | Date | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** `'?a=1&updated_at[gte]=…'`, or `''` when nothing is left to send. Keys keep their insertion order. */
export function encodeQuery(params: QueryParams): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    pairs.push(`${encodeKey(key)}=${encodeURIComponent(stringify(value))}`);
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replaceAll('%5B', '[').replaceAll('%5D', ']');
}

function stringify(value: string | number | boolean | Date): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
