/**
 * @module Object ids. Entra ids are GUIDs; seeded ones come from the seeded random source so the same seed
 * yields the same ids. Role assignment ids follow the form seen in the Graph docs (base64 of the role
 * template's GUID bytes followed by the principal's, then `-1`), which clients must still treat as opaque.
 */
import type { Random } from '@switchboard/sim-kit';

// Byte → two hex digits, looked up: formatting large numbers in base 16 is slow, and seeding mints many GUIDs.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const byte = (random: Random) => HEX[Math.floor(random.next() * 256)] as string;

/** A version-4 GUID drawn from `random` (deterministic for a seed). */
export function guidFrom(random: Random): string {
  let h = '';
  for (let i = 0; i < 16; i++) h += byte(random);
  // Version nibble 4, variant bits 10xx, as any v4 GUID.
  const variant = HEX[(Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80] as string;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20)}`;
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

/** `lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1`-style id: base64 of the 32 bytes of both GUIDs, then `-n`. */
export function roleAssignmentId(roleDefinitionId: string, principalId: string, scopeIndex = 1): string {
  const bytes = Buffer.concat([guidBytes(roleDefinitionId), guidBytes(principalId)]);
  return `${bytes.toString('base64url')}-${scopeIndex}`;
}
