/** @module Command-line flags of `pnpm bench`. */
import { parseArgs } from 'node:util';
import { BenchArgsInvalid } from './errors.js';
import { FULL, type Profile, QUICK, STAGE_NAMES, type StageName } from './profiles.js';

export const USAGE = `Usage: pnpm bench [--quick] [--only ${STAGE_NAMES.join(',')}] [--out FILE] [--api-log-level LEVEL]
  --quick          small sizes and short runs (about a minute and a half)
  --only           run only these stages (comma-separated); the others are reported as skipped
  --out            where to write the JSON report (default bench/results/latest.json)
  --api-log-level  LOG_LEVEL of the API processes (default warn: no per-request log lines; info adds their cost)`;

export interface CliOptions {
  profile: Profile;
  stages: ReadonlySet<StageName>;
  /** `undefined`: the default path next to the package. */
  out: string | undefined;
  apiLogLevel: string;
  help: boolean;
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let values: { quick?: boolean; only?: string; out?: string; 'api-log-level'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean' },
        only: { type: 'string' },
        out: { type: 'string' },
        'api-log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchArgsInvalid(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  const stages = new Set<StageName>(STAGE_NAMES);
  if (values.only !== undefined) {
    stages.clear();
    for (const name of values.only.split(',').map((part) => part.trim())) {
      if (!(STAGE_NAMES as readonly string[]).includes(name)) {
        throw new BenchArgsInvalid(`unknown stage "${name}"; stages are ${STAGE_NAMES.join(', ')}\n${USAGE}`);
      }
      stages.add(name as StageName);
    }
  }
  return {
    profile: values.quick ? QUICK : FULL,
    stages,
    out: values.out,
    apiLogLevel: values['api-log-level'] ?? 'warn',
    help: values.help ?? false,
  };
}
