/** @module Flags of `src/main.ts`: the shared ones of @switchboard/sim-kit plus Okta's own. */
import { type CliConfig, type CliSpec, parseSimulatorArgs } from '@switchboard/sim-kit';
import type { SimulatorOptions } from './options.js';

export const CLI_SPEC: CliSpec = {
  usage: `Usage: tsx src/main.ts [--port 9002] [--host 127.0.0.1] [--users 200] [--seed 1] [--latency 0]
  [--rate-limit 600] [--api-token TOKEN] [--start-at 2026-01-01T00:00:00Z]
  [--org-url https://acme.okta.com] [--log]`,
  defaultPort: 9002,
  flags: {
    'rate-limit': { option: 'rateLimitPerMinute', kind: 'integer' },
    'api-token': { option: 'apiToken', kind: 'string' },
    'start-at': { option: 'startAt', kind: 'string' },
    'org-url': { option: 'orgUrl', kind: 'string' },
  },
};

export function parseCliArgs(argv: readonly string[]): CliConfig<SimulatorOptions> {
  return parseSimulatorArgs<SimulatorOptions>(argv, CLI_SPEC);
}
