/**
 * @module Response header normalisation and the hop-by-hop set (RFC 9110 §7.6.1).
 */
import type { IncomingHttpHeaders } from 'node:http';

export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Lower-case names; repeated headers joined with `, `. */
export function normalizeHeaders(
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
) {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    output[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return output;
}

/** Drops hop-by-hop headers, those the `Connection` header names, and `extra` (lower-case names). */
export function withoutHopByHop(
  headers: Readonly<Record<string, string>>,
  extra: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const named = new Set(
    (headers['connection'] ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.has(lower) || extra.has(lower)) continue;
    output[lower] = value;
  }
  return output;
}
