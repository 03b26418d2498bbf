/**
 * @module Where the credential encryption key comes from: `SWITCHBOARD_ENCRYPTION_KEY` when set; in
 * production nothing else is acceptable; in development a key generated once into the data directory
 * (mode 0600) keeps `pnpm start` working on a fresh machine, with a warning.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EncryptionKeyInvalid, EncryptionKeyMissing, EncryptionKeyWeak } from './errors.js';

export const DEFAULT_DATA_DIR = './.switchboard';
const KEY_FILE = 'encryption.key';
// Standard or URL-safe alphabet; Node's base64 decoder reads both but silently skips anything else.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface ResolveEncryptionKeyOptions {
  env: NodeJS.ProcessEnv;
  dataDir?: string | undefined;
  warn?: ((message: string) => void) | undefined;
  /** Never generate a development key (`switchboard serve`): without the variable, refuse to start. */
  required?: boolean | undefined;
}

export function resolveEncryptionKey(options: ResolveEncryptionKeyOptions): Buffer {
  const { SWITCHBOARD_ENCRYPTION_KEY: fromEnv, NODE_ENV } = options.env;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return decodeKey(fromEnv, 'SWITCHBOARD_ENCRYPTION_KEY');
  }
  if (NODE_ENV === 'production' || options.required) throw new EncryptionKeyMissing();

  const warn = options.warn ?? ((message: string) => process.emitWarning(message, 'SwitchboardWarning'));
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const path = join(dataDir, KEY_FILE);
  const generated = ensureKeyFile(dataDir, path);
  const key = decodeKey(readFileSync(path, 'utf8'), path);
  warn(
    `SWITCHBOARD_ENCRYPTION_KEY is not set: using the development key ${generated ? 'just generated in' : 'from'} ` +
      `${path}. Set SWITCHBOARD_ENCRYPTION_KEY (32 bytes, base64) for production; stored credentials ` +
      'can only be read with the key that encrypted them.',
  );
  return key;
}

/** Creates the key file unless it exists; true when this call created it. */
function ensureKeyFile(dataDir: string, path: string): boolean {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two processes starting at once cannot overwrite each other's key.
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(path).isFile()) return false;
    throw error;
  }
}

/**
 * `SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS`: keys (comma-separated) that sealed data before the current one. They
 * only open data; `switchboard rekey` re-seals everything with the current key so they can be removed.
 */
export function resolvePreviousEncryptionKeys(env: NodeJS.ProcessEnv): Buffer[] {
  const text = env['SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS'];
  if (text === undefined || text.trim() === '') return [];
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => decodeKey(part, 'SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS'));
}

/**
 * Fewer distinct byte values than this cannot come from a random generator (32 random bytes have ~28); it means
 * a placeholder such as all zeros or a repeated word.
 */
const MIN_DISTINCT_BYTES = 12;

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new EncryptionKeyInvalid(source);
  if (new Set(key).size < MIN_DISTINCT_BYTES) throw new EncryptionKeyWeak(source);
  return key;
}
