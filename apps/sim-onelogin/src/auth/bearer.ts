/**
 * @module Bearer tokens on resource calls, parsed leniently as OneLogin does: `bearer:<t>` (v1 docs),
 * `bearer <t>` (v2 docs) and `Bearer <t>` (SDKs); the scheme is case-insensitive.
 */

const BEARER = /^\s*bearer\s*[:\s]\s*(\S+)\s*$/i;

export function readBearer(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  return BEARER.exec(authorization)?.[1];
}
