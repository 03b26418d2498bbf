/**
 * @module The fixture file format: one YAML file per scenario under `integrations/fixtures/<integration>/`,
 * holding the operation that was run and every upstream exchange it caused, scrubbed of secrets.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';
import { BodyStore } from './body-store.js';

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
  /** A large body stored once for the folder (`bodies/<hash>.json`) instead of inline. */
  body_file?: string;
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
  /**
   * The frozen instant the engine's clock started at when recording (ISO 8601); replay starts there too. Older
   * fixtures without it start at `FIXTURE_CLOCK`.
   */
  clock?: string;
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

/** Reads a fixture, with every stored body (`body_file:`) read back in place. */
export async function readFixture(path: string): Promise<Fixture> {
  const fixture = parse(await readFile(path, 'utf8')) as Fixture;
  const store = new BodyStore(dirname(path));
  for (const { response } of fixture.exchanges ?? []) {
    if (response.body_file === undefined) continue;
    response.body = await store.get(response.body_file);
    delete response.body_file;
  }
  return fixture;
}

/** Writes a fixture; large response bodies go to the folder's body store. */
export async function writeFixture(path: string, fixture: Fixture): Promise<void> {
  const store = new BodyStore(dirname(path));
  const exchanges: Exchange[] = [];
  for (const exchange of fixture.exchanges) {
    const { body, ...response } = exchange.response;
    exchanges.push(
      BodyStore.large(body)
        ? { ...exchange, response: { ...response, body_file: await store.put(body) } }
        : exchange,
    );
  }
  await writeFile(path, HEADER + stringify({ ...fixture, exchanges }, { lineWidth: 0 }));
}

export async function readExpected(path: string): Promise<Expected> {
  const stored = parse(await readFile(path, 'utf8')) as Expected | { records_file: string };
  if ('records_file' in stored) {
    return {
      records: (await new BodyStore(dirname(path)).get(stored.records_file)) as Record<string, unknown>[],
    };
  }
  return stored;
}

export async function writeExpected(path: string, outcome: Expected): Promise<void> {
  const expected: Expected | { records_file: string } =
    'error' in outcome
      ? {
          error: {
            code: outcome.error.code,
            ...(outcome.error.status ? { status: outcome.error.status } : {}),
          },
        }
      : 'records' in outcome && BodyStore.large(outcome.records)
        ? { records_file: await new BodyStore(dirname(path)).put(outcome.records) }
        : outcome;
  await writeFile(
    path,
    `# Expected unified output. Changed only by \`switchboard conformance --update\`.\n${stringify(expected, { lineWidth: 0 })}`,
  );
}
