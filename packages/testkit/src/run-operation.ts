/**
 * @module Runs one scenario's unified operation through a real engine and returns its outcome in the shape of an
 * expected (golden) file. Lists are read to the end, page by page, exactly as an API client would.
 */
import type { AccountContext, Engine } from '@switchboard/engine';
import { isSwitchboardError } from '@switchboard/errors';
import type { Expected, ScenarioOperation } from './fixture.js';

// A runaway paginator must not hang a conformance run.
const MAX_PAGES = 10_000;

export interface OperationTarget {
  engine: Engine;
  integration: string;
  account: AccountContext;
}

export async function runOperation(target: OperationTarget, operation: ScenarioOperation): Promise<Expected> {
  const { engine, integration, account } = target;
  const base = { integration, account, model: operation.model, resource: operation.resource };
  try {
    switch (operation.method) {
      case 'list': {
        const records: Record<string, unknown>[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const result = await engine.list({
            ...base,
            ...(operation.limit ? { limit: operation.limit } : {}),
            ...(operation.filters ? { filters: operation.filters } : {}),
            ...(cursor ? { cursor } : {}),
          });
          records.push(...result.result);
          if (result.next_cursor === null) return { records };
          cursor = result.next_cursor;
        }
        throw new Error(`${operation.resource}.list did not finish within ${MAX_PAGES} pages`);
      }
      case 'get':
        return { record: (await engine.get({ ...base, id: operation.id ?? '' })).record };
      case 'create':
        return { record: (await engine.create({ ...base, body: operation.body ?? {} })).record };
      case 'update':
        return {
          record: (await engine.update({ ...base, id: operation.id ?? '', body: operation.body ?? {} }))
            .record,
        };
      case 'delete':
        return { record: (await engine.delete({ ...base, id: operation.id ?? '' })).record };
    }
  } catch (error) {
    if (!isSwitchboardError(error)) throw error;
    const remote = (error.details['remote'] as { status?: number } | undefined)?.status;
    return { error: { code: error.code, ...(remote ? { status: remote } : {}), message: error.message } };
  }
}
