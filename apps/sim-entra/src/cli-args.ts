/** @module Flags of `src/main.ts`: the shared ones of @switchboard/sim-kit plus Entra's own. */
import { type CliConfig, type CliSpec, parseSimulatorArgs } from '@switchboard/sim-kit';
import type { SimulatorOptions } from './options.js';

export const USAGE = `Usage: tsx src/main.ts [--port 9003] [--host 127.0.0.1] [--users 200] [--seed 1] [--latency 0]
  [--budget 3500] [--token-ttl 3599] [--tenant-id GUID] [--client-id GUID] [--client-secret SECRET]
  [--start-at ISO] [--log]`;

export const CLI_SPEC: CliSpec = {
  usage: USAGE,
  defaultPort: 9003,
  flags: {
    budget: { option: 'tenSecondBudget', kind: 'integer' },
    'token-ttl': { option: 'tokenTtlSeconds', kind: 'integer' },
    'tenant-id': { option: 'tenantId', kind: 'string' },
    'client-id': { option: 'clientId', kind: 'string' },
    'client-secret': { option: 'clientSecret', kind: 'string' },
    'start-at': { option: 'startAt', kind: 'string' },
  },
};

export function parseCliArgs(argv: readonly string[]): CliConfig<SimulatorOptions> {
  return parseSimulatorArgs<SimulatorOptions>(argv, CLI_SPEC);
}
