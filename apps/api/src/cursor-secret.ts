/**
 * @module Where cursor-signing keys come from. Without `SWITCHBOARD_CURSOR_SECRET` the secret is derived from the
 * encryption key with HKDF, so cursors stay valid across restarts and replicas without another setting, and
 * knowing a cursor key reveals nothing about the encryption key.
 */
import { hkdfSync } from 'node:crypto';

const SALT = 'switchboard';

/** The engine's cursor secret, derived from the credential encryption key. */
export function deriveCursorSecret(encryptionKey: Uint8Array): Uint8Array {
  return derive(encryptionKey, 'switchboard/cursor-secret/v1');
}

/** A key for one purpose (e.g. the accounts list cursor), derived from the cursor secret. */
export function purposeKey(secret: string | Uint8Array, purpose: string): Uint8Array {
  return derive(typeof secret === 'string' ? Buffer.from(secret) : secret, `switchboard/${purpose}/v1`);
}

function derive(key: Uint8Array, info: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', key, SALT, info, 32));
}
