/**
 * @module Test support shared by every provider's end-to-end tests: the real engine on the real integration file,
 * every declared origin redirected to a simulator already listening (as `SWITCHBOARD_UPSTREAM_<NAME>` does), and
 * a reader that pages a unified list to the end the way an API client would.
 */
import { fileURLToPath } from 'node:url';
import {
  type AccountContext,
  createEngine,
  type Engine,
  type ListInput,
  loadIntegrationFile,
} from '@switchboard/engine';

const CURSOR_SECRET = 'e2e-cursor-secret-0123456789abcdef-0123456789';
export const MODEL = 'user-directory';

interface ListeningSimulator {
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

export interface EngineHarness<S> {
  sim: S;
  simUrl: string;
  engine: Engine;
  account: AccountContext;
  /** A fresh engine on the same simulator (its own token cache and rate budget). */
  newEngine(): Promise<Engine>;
  close(): Promise<void>;
}

/** Starts `sim` on a free port and an engine on `integrations/<integration>.yaml` pointed at it. */
export async function startEngineHarness<S extends ListeningSimulator>(
  integration: string,
  sim: S,
  account: AccountContext,
): Promise<EngineHarness<S>> {
  const simUrl = await sim.listen(0);
  const compiled = await loadIntegrationFile(
    fileURLToPath(new URL(`../../${integration}.yaml`, import.meta.url)),
  );
  const engines: Engine[] = [];
  const newEngine = async () => {
    const engine = createEngine({
      integrations: [compiled],
      cursorSecret: CURSOR_SECRET,
      upstreamOverrides: { [integration]: simUrl },
    });
    engines.push(engine);
    return engine;
  };
  const engine = await newEngine();
  return {
    sim,
    simUrl,
    engine,
    account,
    newEngine,
    async close() {
      for (const each of engines) await each.close();
      await sim.close();
    },
  };
}

export type ListRequest = Omit<ListInput, 'integration' | 'account' | 'model' | 'cursor'>;

export interface ReadAll {
  records: Record<string, unknown>[];
  /** Engine calls made (one per page of the unified cursor). */
  calls: number;
}

/**
 * Follows `next_cursor` to the end and returns every record, in order; a page over `limit` or a cursor that runs
 * past `maxCalls` fails the test instead of hanging it.
 */
export async function readAllPages(
  engine: Engine,
  integration: string,
  account: AccountContext,
  request: ListRequest,
  maxCalls: number,
): Promise<ReadAll> {
  const records: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  for (let calls = 1; calls <= maxCalls; calls++) {
    const page = await engine.list({
      integration,
      account,
      model: MODEL,
      ...request,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (request.limit !== undefined && page.result.length > request.limit) {
      throw new Error(`a page exceeded limit ${request.limit}`);
    }
    records.push(...page.result);
    if (page.next_cursor === null) return { records, calls };
    cursor = page.next_cursor;
  }
  throw new Error(`${request.resource} did not finish within ${maxCalls} calls`);
}

/** The ids of the records, as returned. */
export const idsOf = (records: readonly Record<string, unknown>[]): string[] =>
  records.map((record) => String(record['id']));
