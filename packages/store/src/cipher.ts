/**
 * @module AES-256-GCM for secrets at rest. A sealed value is one text:
 *
 *   v1.<key id>.<iv>.<auth tag>.<ciphertext>      (base64url parts, 12-byte random IV, 16-byte tag)
 *
 * The key id is a fingerprint of the key, so a value names the key that sealed it: rotation means adding the
 * new key as current and keeping old ones for decryption. `context` is bound as additional authenticated
 * data (e.g. the account id), so a ciphertext copied onto another row does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DecryptFailed, EncryptionKeyInvalid } from './errors.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Cipher {
  seal(plaintext: string, context: string): string;
  /** True when `sealed` was sealed with the current key (rekey skips it). */
  isCurrent(sealed: string): boolean;
  /** `what` names the value in the error, e.g. "the credentials of account ia_…". */
  open(sealed: string, context: string, what: string): string;
}

/** A short, non-reversible fingerprint that tells keys apart without revealing them. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('switchboard-encryption-key-id:').update(key).digest('hex').slice(0, 16);
}

export function createCipher(currentKey: Buffer, previousKeys: readonly Buffer[] = []): Cipher {
  const keys = new Map<string, Buffer>();
  for (const key of [currentKey, ...previousKeys]) {
    if (key.length !== 32) throw new EncryptionKeyInvalid('the encryption key');
    keys.set(keyId(key), Buffer.from(key));
  }
  const currentId = keyId(currentKey);
  const current = keys.get(currentId)!;

  return {
    isCurrent: (sealed) => sealed.split('.')[1] === currentId,

    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, currentId, b64(iv), b64(cipher.getAuthTag()), b64(body)].join('.');
    },

    open(sealed, context, what) {
      const [version, id, iv, tag, body, ...rest] = sealed.split('.');
      if (
        version !== VERSION ||
        id === undefined ||
        iv === undefined ||
        tag === undefined ||
        body === undefined ||
        rest.length > 0
      ) {
        throw new DecryptFailed(what, { details: { reason: 'unrecognised format' } });
      }
      const key = keys.get(id);
      if (key === undefined) {
        throw new DecryptFailed(what, { details: { reason: 'unknown key', key_id: id } });
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (cause) {
        throw new DecryptFailed(what, { cause, details: { reason: 'authentication failed', key_id: id } });
      }
    },
  };
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}
