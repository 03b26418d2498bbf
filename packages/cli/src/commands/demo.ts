/**
 * @module `switchboard demo` (`pnpm start`) — the API with the bundled OneLogin, Okta and Entra ID simulators, a
 * demo environment, API key and one linked, synced account per provider; prints the key, the account ids and a
 * `curl` line per provider.
 */
import { startDemo } from '@switchboard/api';
import { type Command, type CommandIo, EXIT } from '../command.js';
import { startFailure } from './serve.js';

async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(
      'Usage: switchboard demo\n\nStarts the API on 127.0.0.1:8080 (PORT, HOST) with the OneLogin, Okta and Entra ID simulators and demo data.',
    );
    return EXIT.ok;
  }
  try {
    // Request logs would bury the banner; LOG_LEVEL still wins when set.
    await startDemo(
      { LOG_LEVEL: 'warn', ...process.env },
      { print: (text) => io.out(text.replace(/\n$/, '')) },
    );
    return EXIT.ok;
  } catch (error) {
    return startFailure(error, io);
  }
}

export const demo: Command = {
  name: 'demo',
  synopsis: 'demo',
  summary:
    'Start the API with the OneLogin, Okta and Entra ID simulators and demo data (what `pnpm start` runs)',
  run,
};
