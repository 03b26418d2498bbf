/**
 * @module Command-line entry: `tsx src/main.ts --port 9001 --users 10000`. Prints the base URL and the
 * client id; stops on SIGINT/SIGTERM.
 */
import { parseCliArgs } from './cli-args.js';
import { buildSimulator } from './simulator.js';

const config = parseCliArgs(process.argv.slice(2));
const simulator = await buildSimulator(config.options);
const url = await simulator.listen(config.port, config.host);
process.stdout.write(`OneLogin simulator listening on ${url}\n`);
process.stdout.write(
  `  users: ${simulator.state.data.users.size}, account_id: ${simulator.state.accountId}\n`,
);

const stop = (): void => {
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`failed to stop: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
