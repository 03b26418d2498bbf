/**
 * @module Where the credential encryption key comes from: `SWITCHBOARD_ENCRYPTION_KEY` when set; in
 * production nothing else is acceptable; in development a key generated once into the data directory
 * (mode 0600) keeps `pnpm start` working on a fresh machine, with a warning.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EncryptionKeyInvalid, EncryptionKeyMissing } from './errors.js';

export const DEFAULT_DATA_DIR = './.switchboard';
const KEY_FILE = 'encryption.key';
// Standard or URL-safe alphabet; Node's base64 decoder reads both but silently skips anything else.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface ResolveEncryptionKeyOptions {
  env: NodeJS.ProcessEnv;
  dataDir?: string | undefined;
  warn?: ((message: string) => void) | undefined;
}

export function resolveEncryptionKey(options: ResolveEncryptionKeyOptions): Buffer {
  const { SWITCHBOARD_ENCRYPTION_KEY: fromEnv, NODE_ENV } = options.env;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return decodeKey(fromEnv, 'SWITCHBOARD_ENCRYPTION_KEY');
  }
  if (NODE_ENV === 'production') throw new EncryptionKeyMissing();

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

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new EncryptionKeyInvalid(source);
  return key;
}
