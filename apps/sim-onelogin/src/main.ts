/**
 * @module Command-line entry: `tsx src/main.ts --port 9001 --users 10000`. Prints the base URL and the
 * account; stops on SIGINT/SIGTERM.
 */
import { runSimulatorCli } from '@switchboard/sim-kit';
import { CLI_SPEC } from './cli-args.js';
import type { SimulatorOptions } from './options.js';
import { buildSimulator } from './simulator.js';

await runSimulatorCli(process.argv.slice(2), {
  ...CLI_SPEC,
  title: 'OneLogin simulator',
  build: (options: SimulatorOptions) => buildSimulator(options),
  describe: (simulator) => [
    `users: ${simulator.state.data.users.size}, account_id: ${simulator.state.accountId}`,
  ],
});
