/**
 * @module `switchboard rekey` — after changing `SWITCHBOARD_ENCRYPTION_KEY`, re-seals every stored credential,
 * cached token and webhook secret with the new key, so the old one (kept meanwhile in
 * `SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS`) can be removed. Safe to run while the API serves, and to run again.
 */
import { openStore, resolveEncryptionKey, resolvePreviousEncryptionKeys } from '@switchboard/store';
import { type Command, type CommandIo, EXIT } from '../command.js';
import { startFailure } from './serve.js';

const USAGE = `Usage: switchboard rekey

Re-seals every stored secret with SWITCHBOARD_ENCRYPTION_KEY, opening old data with the keys in
SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS (comma-separated). Uses DATABASE_URL. Key rotation:
  1. deploy with SWITCHBOARD_ENCRYPTION_KEY=<new> and SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS=<old>
  2. run switchboard rekey with the same settings (exit status 0: nothing is left sealed with an old key)
  3. remove SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS`;

async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.length > 0) {
    io.err(USAGE);
    return EXIT.usage;
  }
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    const env = process.env;
    store = await openStore({
      ...(env['DATABASE_URL'] ? { url: env['DATABASE_URL'] } : {}),
      encryptionKey: resolveEncryptionKey({ env, required: true }),
      previousEncryptionKeys: resolvePreviousEncryptionKeys(env),
    });
    const report = await store.rekey();
    io.out(
      `re-sealed ${report.accounts} account(s) and ${report.tokens} cached token(s) with the current key`,
    );
    if (report.unreadable.length === 0) return EXIT.ok;
    io.err(
      `no configured key opens the secrets of: ${report.unreadable.join(', ')}\n` +
        'add the key that sealed them to SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS and run again, or link them again',
    );
    return EXIT.problems;
  } catch (error) {
    return startFailure(error, io);
  } finally {
    await store?.close();
  }
}

export const rekey: Command = {
  name: 'rekey',
  synopsis: 'rekey',
  summary: 'Re-seal stored credentials with the current encryption key (after a key change)',
  run,
};
