/** @module Flags of `src/main.ts`, turned into {@link SimulatorOptions}. */
import { parseArgs } from 'node:util';
import { argsInvalid } from './errors.js';
import type { SimulatorOptions } from './options.js';

export interface CliConfig {
  readonly port: number;
  readonly host: string;
  readonly options: SimulatorOptions;
}

export const USAGE = `Usage: tsx src/main.ts [--port 9001] [--host 127.0.0.1] [--users 200] [--seed 1]
  [--latency 0] [--budget 5000] [--token-ttl 36000] [--client-id ID] [--client-secret SECRET] [--log]`;

export function parseCliArgs(argv: readonly string[]): CliConfig {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        users: { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        budget: { type: 'string' },
        'token-ttl': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        log: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw argsInvalid(`${(error as Error).message}\n${USAGE}`, error);
  }
  const int = (flag: string): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value))
      throw argsInvalid(`--${flag} expects an integer, got "${String(raw)}"\n${USAGE}`);
    return value;
  };
  const options: SimulatorOptions = {};
  const set = <K extends keyof SimulatorOptions>(key: K, value: SimulatorOptions[K] | undefined): void => {
    if (value !== undefined) options[key] = value;
  };
  set('users', int('users'));
  set('seed', int('seed'));
  set('latencyMs', int('latency'));
  set('hourlyBudget', int('budget'));
  set('tokenTtlSeconds', int('token-ttl'));
  set('clientId', values['client-id'] as string | undefined);
  set('clientSecret', values['client-secret'] as string | undefined);
  set('logger', values['log'] as boolean | undefined);
  return { port: int('port') ?? 9001, host: (values['host'] as string | undefined) ?? '127.0.0.1', options };
}
