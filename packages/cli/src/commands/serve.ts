/**
 * @module `switchboard serve` — the API alone, production mode: no simulator, no demo data. Settings come from
 * the environment (see apps/api/README.md); SIGTERM/SIGINT let in-flight requests finish, then exit.
 */
import { startServer } from '@switchboard/api';
import { isSwitchboardError } from '@switchboard/errors';
import { type Command, type CommandIo, EXIT } from '../command.js';

const USAGE = `Usage: switchboard serve

Starts the hosted API (production mode: no simulator, no demo data). Configured by environment variables:
PORT, HOST, DATABASE_URL, REDIS_URL, SWITCHBOARD_ENCRYPTION_KEY (required), SWITCHBOARD_ENCRYPTION_KEY_PREVIOUS,
SWITCHBOARD_API_KEY, SWITCHBOARD_ADMIN_TOKEN,
SWITCHBOARD_UPSTREAM_<INTEGRATION>[_AUTH], SWITCHBOARD_RATE_LIMIT_<INTEGRATION>, LOG_LEVEL.`;

/** Reports a start-up failure (bad settings, missing key, unreachable database) without a stack trace. */
export function startFailure(error: unknown, io: CommandIo): number {
  if (!isSwitchboardError(error)) throw error;
  io.err(`switchboard could not start: ${error.message} [${error.code}]`);
  return EXIT.problems;
}

async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.length > 0) {
    io.err(USAGE);
    return EXIT.usage;
  }
  try {
    const server = await startServer(process.env);
    io.err(`switchboard listening on ${server.url}`);
    return EXIT.ok;
  } catch (error) {
    return startFailure(error, io);
  }
}

export const serve: Command = {
  name: 'serve',
  synopsis: 'serve',
  summary: 'Start the hosted API (production mode; settings from the environment)',
  run,
};
