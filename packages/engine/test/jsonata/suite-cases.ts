/**
 * @module Test-only: reads the JSONata test suite (the reference implementation's 1,686 cases) from
 * `SWITCHBOARD_JSONATA_SUITE` or `../shared/vendor/jsonata-test-suite` beside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteCase {
  /** `group/case000` (with `[i]` for files holding several cases). */
  id: string;
  group: string;
  expr: string;
  data: unknown;
  bindings: Record<string, unknown>;
  timelimit?: number;
  depth?: number;
  result?: unknown;
  undefinedResult?: boolean;
  code?: string;
  token?: string;
  /** The expected error message, when the case gives one. */
  message?: string;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The suite's folder, or undefined when neither place has it. */
export function suiteFolder(): string | undefined {
  const candidates = [
    process.env['SWITCHBOARD_JSONATA_SUITE'],
    join(REPO_ROOT, '../shared/vendor/jsonata-test-suite'),
  ];
  return candidates.find(
    (dir): dir is string => dir !== undefined && dir !== '' && existsSync(join(dir, 'groups')),
  );
}

/** A case states its error as `code`/`token` fields or as an `error: { code, token?, message? }` object. */
function expectedError(raw: Record<string, unknown>): Pick<SuiteCase, 'code' | 'token' | 'message'> {
  const error = (raw['error'] ?? raw) as Record<string, unknown>;
  return {
    ...(typeof error['code'] === 'string' ? { code: error['code'] } : {}),
    ...(typeof error['token'] === 'string' ? { token: error['token'] } : {}),
    ...(typeof error['message'] === 'string' ? { message: error['message'] } : {}),
  };
}

export function loadSuite(folder: string): SuiteCase[] {
  const datasets = new Map<string, unknown>();
  const dataset = (name: string) => {
    if (!datasets.has(name)) {
      datasets.set(name, JSON.parse(readFileSync(join(folder, 'datasets', `${name}.json`), 'utf8')));
    }
    return datasets.get(name);
  };
  const cases: SuiteCase[] = [];
  for (const group of readdirSync(join(folder, 'groups')).sort()) {
    const dir = join(folder, 'groups', group);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as
        | Record<string, unknown>
        | Record<string, unknown>[];
      const list = Array.isArray(parsed) ? parsed : [parsed];
      list.forEach((raw, index) => {
        const id = `${group}/${file.replace(/\.json$/, '')}${Array.isArray(parsed) ? `[${index}]` : ''}`;
        const expr =
          typeof raw['expr'] === 'string'
            ? raw['expr']
            : readFileSync(join(dir, raw['expr-file'] as string), 'utf8');
        const data =
          'data' in raw
            ? raw['data']
            : typeof raw['dataset'] === 'string'
              ? dataset(raw['dataset'])
              : undefined;
        cases.push({
          id,
          group,
          expr,
          data,
          bindings: (raw['bindings'] as Record<string, unknown> | undefined) ?? {},
          ...(typeof raw['timelimit'] === 'number' ? { timelimit: raw['timelimit'] } : {}),
          ...(typeof raw['depth'] === 'number' ? { depth: raw['depth'] } : {}),
          ...('result' in raw ? { result: raw['result'] } : {}),
          ...(raw['undefinedResult'] === true ? { undefinedResult: true } : {}),
          ...expectedError(raw),
        });
      });
    }
  }
  return cases;
}
