/**
 * @module Object ids. Entra ids are GUIDs; seeded ones come from the seeded random source so the same seed
 * yields the same ids. Role assignment ids follow the form seen in the Graph docs (base64 of the role
 * template's GUID bytes, then the principal's, then `-1`), which clients must still treat as opaque.
 */
import type { Random } from '@switchboard/sim-kit';

const hex = (value: number) => value.toString(16).padStart(2, '0');

/** A version-4 GUID drawn from `random` (deterministic for a seed). */
export function guidFrom(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => random.int(0, 255));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const h = bytes.map(hex).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The 16 bytes of a GUID in Microsoft's layout (first three fields little-endian). */
function guidBytes(guid: string): Buffer {
  const h = guid.replaceAll('-', '');
  const raw = Buffer.from(h, 'hex');
  return Buffer.concat([
    Buffer.from(raw.subarray(0, 4)).reverse(),
    Buffer.from(raw.subarray(4, 6)).reverse(),
    Buffer.from(raw.subarray(6, 8)).reverse(),
    raw.subarray(8),
  ]);
}

/** `lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1`-style id of a tenant-wide assignment. */
export function roleAssignmentId(roleDefinitionId: string, principalId: string, scopeIndex = 1): string {
  const encode = (guid: string) => guidBytes(guid).toString('base64url');
  return `${encode(roleDefinitionId)}${encode(principalId)}-${scopeIndex}`;
}
