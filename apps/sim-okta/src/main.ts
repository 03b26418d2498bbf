/**
 * @module Command-line entry: `tsx src/main.ts --port 9002 --users 1000`. Prints the base URL and how to
 * call it; stops on SIGINT/SIGTERM.
 */
import { runSimulatorCli } from '@switchboard/sim-kit';
import { CLI_SPEC } from './cli-args.js';
import type { SimulatorOptions } from './options.js';
import { buildSimulator } from './simulator.js';

await runSimulatorCli(process.argv.slice(2), {
  ...CLI_SPEC,
  title: 'Okta simulator',
  build: (options: SimulatorOptions) => buildSimulator(options),
  describe: (simulator) => [
    `users: ${simulator.state.data.users.size}, groups: ${simulator.state.data.groups.size}, log events: ${simulator.state.data.logs.length}`,
    'auth: Authorization: SSWS <api token> (default sim-okta-api-token)',
  ],
});
