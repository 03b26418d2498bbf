/**
 * @module Command-line entry: `tsx src/main.ts --port 9003 --users 1000`. Prints the base URL, the tenant and
 * the client id; stops on SIGINT/SIGTERM.
 */
import { runSimulatorCli } from '@switchboard/sim-kit';
import type { SimulatorOptions } from './options.js';
import { buildSimulator } from './simulator.js';

await runSimulatorCli(process.argv.slice(2), {
  title: 'Entra ID simulator',
  usage:
    'usage: sim-entra [--port 9003] [--host 127.0.0.1] [--users 200] [--seed 1] [--latency 0] [--budget 3500] [--token-ttl 3599] [--tenant-id GUID] [--client-id GUID] [--client-secret S] [--start-at ISO] [--log]',
  defaultPort: 9003,
  flags: {
    budget: { option: 'tenSecondBudget', kind: 'integer' },
    'token-ttl': { option: 'tokenTtlSeconds', kind: 'integer' },
    'tenant-id': { option: 'tenantId', kind: 'string' },
    'client-id': { option: 'clientId', kind: 'string' },
    'client-secret': { option: 'clientSecret', kind: 'string' },
    'start-at': { option: 'startAt', kind: 'string' },
  },
  build: (options: SimulatorOptions) => buildSimulator(options),
  describe: (simulator, url) => {
    const { identity } = simulator.state.tenant;
    return [
      `users: ${simulator.state.tenant.users.size}, tenant: ${identity.tenantId} (${identity.initialDomain})`,
      `token: POST ${url}/${identity.tenantId}/oauth2/v2.0/token, data: ${url}/v1.0`,
    ];
  },
});
