/** @module Command-line flags of `pnpm bench`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchArgsInvalid } from './errors.js';
import { FULL, type Profile, QUICK, STAGE_NAMES, type StageName } from './profiles.js';

export const USAGE = `Usage: pnpm bench [--quick] [--only ${STAGE_NAMES.join(',')}] [--out FILE] [--api-log-level LEVEL] [--api-cpu-prof DIR]
  --quick          small sizes and short runs (about a minute and a half)
  --only           run only these stages (comma-separated); the others are reported as skipped
  --out            where to write the JSON report (default bench/results/latest.json)
  --api-log-level  LOG_LEVEL of the API processes (default warn: no per-request log lines; info adds their cost)
  --api-cpu-prof   write a V8 CPU profile of each API process into DIR (node --cpu-prof), for reading where it spends`;

export interface CliOptions {
  profile: Profile;
  stages: ReadonlySet<StageName>;
  /** `undefined`: the default path next to the package. */
  out: string | undefined;
  apiLogLevel: string;
  /** Where the API processes write their \`.cpuprofile\` on exit; \`undefined\`: not profiled. */
  apiCpuProfDir: string | undefined;
  help: boolean;
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let values: {
    quick?: boolean;
    only?: string;
    out?: string;
    'api-log-level'?: string;
    'api-cpu-prof'?: string;
    help?: boolean;
  };
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
        'api-cpu-prof': { type: 'string' },
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
    apiCpuProfDir: values['api-cpu-prof'] === undefined ? undefined : resolve(values['api-cpu-prof']),
    help: values.help ?? false,
  };
}
