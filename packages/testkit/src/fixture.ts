/**
 * @module The fixture file format: one YAML file per scenario under `integrations/fixtures/<integration>/`,
 * holding the operation that was run and every upstream exchange it caused, scrubbed of secrets.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';

export type OperationMethod = 'list' | 'get' | 'create' | 'update' | 'delete';

/** The unified operation a scenario runs. */
export interface ScenarioOperation {
  model: string;
  resource: string;
  method: OperationMethod;
  id?: string;
  body?: Record<string, unknown>;
  filters?: Record<string, string>;
  /** For lists: the unified page size; the scenario reads every page. */
  limit?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface Exchange {
  request: RecordedRequest;
  response: RecordedResponse;
}

export interface Fixture {
  /** `<resource>.<method>[.<variant>]`, e.g. `users.list.limit-30`. */
  scenario: string;
  integration: string;
  /** What the scenario proves, in one sentence. */
  description: string;
  operation: ScenarioOperation;
  /** Non-secret connection values; secret fields hold placeholders. */
  connection: Record<string, string>;
  exchanges: Exchange[];
}

/** The unified outcome stored next to a fixture (`<scenario>.expected.yaml`), compared on replay. */
export type Expected =
  | { records: Record<string, unknown>[] }
  | { record: Record<string, unknown> }
  /** `message` helps a reader of a failure; it is never stored in expected files nor compared. */
  | { error: { code: string; status?: number; message?: string } };

const HEADER =
  '# Recorded by `switchboard record`, scrubbed of secrets. Replayed by `switchboard conformance`.\n';

export async function readFixture(path: string): Promise<Fixture> {
  return parse(await readFile(path, 'utf8')) as Fixture;
}

export async function writeFixture(path: string, fixture: Fixture): Promise<void> {
  await writeFile(path, HEADER + stringify(fixture, { lineWidth: 0 }));
}

export async function readExpected(path: string): Promise<Expected> {
  return parse(await readFile(path, 'utf8')) as Expected;
}

export async function writeExpected(path: string, outcome: Expected): Promise<void> {
  const expected: Expected =
    'error' in outcome
      ? {
          error: {
            code: outcome.error.code,
            ...(outcome.error.status ? { status: outcome.error.status } : {}),
          },
        }
      : outcome;
  await writeFile(
    path,
    `# Expected unified output. Changed only by \`switchboard conformance --update\`.\n${stringify(expected, { lineWidth: 0 })}`,
  );
}
