/**
 * @module Command-line entry: `tsx src/main.ts --port 9003 --users 1000`. Prints the base URL, the tenant and
 * the two endpoints; stops on SIGINT/SIGTERM.
 */
import { runSimulatorCli } from '@switchboard/sim-kit';
import { CLI_SPEC } from './cli-args.js';
import type { SimulatorOptions } from './options.js';
import { buildSimulator } from './simulator.js';

await runSimulatorCli(process.argv.slice(2), {
  ...CLI_SPEC,
  title: 'Entra ID simulator',
  build: (options: SimulatorOptions) => buildSimulator(options),
  describe: (simulator, url) => {
    const { identity } = simulator.state.tenant;
    return [
      `users: ${simulator.state.tenant.users.size}, tenant: ${identity.tenantId} (${identity.initialDomain})`,
      `token: POST ${url}/${identity.tenantId}/oauth2/v2.0/token, data: ${url}/v1.0`,
    ];
  },
});
