/**
 * @module Command-line flags of a simulator's `src/main.ts`. The common ones (`--port`, `--host`, `--users`,
 * `--seed`, `--latency`, `--log`) are known here; each simulator declares its own extra flags and the option
 * each one sets.
 */
import { parseArgs } from 'node:util';
import { argsInvalid } from '../errors.js';

export type FlagKind = 'integer' | 'string' | 'boolean';

/** flag name (without `--`) → the option it sets and how it is read. */
export type FlagTable = Readonly<Record<string, { readonly option: string; readonly kind: FlagKind }>>;

export interface CliConfig<O> {
  readonly port: number;
  readonly host: string;
  readonly options: O;
}

export const COMMON_FLAGS: FlagTable = {
  users: { option: 'users', kind: 'integer' },
  seed: { option: 'seed', kind: 'integer' },
  latency: { option: 'latencyMs', kind: 'integer' },
  log: { option: 'logger', kind: 'boolean' },
};

export interface CliSpec {
  /** Printed with every flag error. */
  readonly usage: string;
  readonly defaultPort: number;
  /** The simulator's own flags, besides {@link COMMON_FLAGS}. */
  readonly flags: FlagTable;
}

export function parseSimulatorArgs<O extends object>(argv: readonly string[], spec: CliSpec): CliConfig<O> {
  const table: FlagTable = { ...COMMON_FLAGS, ...spec.flags };
  const declared: Record<string, { type: 'string' | 'boolean' }> = {
    port: { type: 'string' },
    host: { type: 'string' },
  };
  for (const [flag, { kind }] of Object.entries(table))
    declared[flag] = { type: kind === 'boolean' ? 'boolean' : 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, options: declared }));
  } catch (error) {
    throw argsInvalid(`${(error as Error).message}\n${spec.usage}`, error);
  }
  const int = (flag: string): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value))
      throw argsInvalid(`--${flag} expects an integer, got "${String(raw)}"\n${spec.usage}`);
    return value;
  };
  const options: Record<string, unknown> = {};
  for (const [flag, { option, kind }] of Object.entries(table)) {
    const value = kind === 'integer' ? int(flag) : values[flag];
    if (value !== undefined) options[option] = value;
  }
  return {
    port: int('port') ?? spec.defaultPort,
    host: (values['host'] as string | undefined) ?? '127.0.0.1',
    options: options as O,
  };
}
