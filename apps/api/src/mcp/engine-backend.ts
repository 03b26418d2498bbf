/**
 * @module The Unified API of one account, in-process: the same engine calls as the HTTP routes, through
 * `withAccount`, so tenancy, rate budgets, redaction and the account's `needs_reauth` flag behave identically.
 */
import type { Engine } from '@switchboard/engine';
import type { Store } from '@switchboard/store';
import type { FastifyBaseLogger } from 'fastify';
import { loadAccount, withAccount } from '../account-access.js';
import type { Caller } from '../request-context.js';
import type { UnifiedBackend } from './unified-backend.js';

export interface EngineBackendOptions {
  engine: Engine;
  store: Store;
  log: FastifyBaseLogger;
  caller: Caller;
  accountId: string;
  /** Aborts upstream calls when the MCP request goes away. */
  signal?: AbortSignal;
}

export function engineBackend(options: EngineBackendOptions): UnifiedBackend {
  const { engine, store, log, caller, accountId } = options;
  const run = <T>(call: Parameters<typeof withAccount<T>>[3]) =>
    withAccount({ store, log }, caller, accountId, call);
  const common = (model: string, resource: string) => ({
    model,
    resource,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return {
    integration: async () => (await loadAccount(store, caller, accountId)).integration,
    capabilities: async () => engine.capabilities((await loadAccount(store, caller, accountId)).integration),
    list: (model, resource, args) =>
      run(async (account, context) => {
        const page = await engine.list({
          ...common(model, resource),
          integration: account.integration,
          account: context,
          filters: args.filters,
          ...(args.limit === undefined ? {} : { limit: args.limit }),
          ...(args.cursor === undefined ? {} : { cursor: args.cursor }),
          ...(args.expand === undefined ? {} : { expand: args.expand }),
        });
        return { result: page.result, next_cursor: page.next_cursor, result_count: page.result_count };
      }),
    get: (model, resource, id, expand) =>
      run(async (account, context) => {
        const answer = await engine.get({
          ...common(model, resource),
          integration: account.integration,
          account: context,
          id,
          ...(expand === undefined ? {} : { expand }),
        });
        return answer.record;
      }),
    create: (model, resource, body) =>
      run(async (account, context) => {
        const answer = await engine.create({
          ...common(model, resource),
          integration: account.integration,
          account: context,
          body,
        });
        return answer.record;
      }),
    update: (model, resource, id, body) =>
      run(async (account, context) => {
        const answer = await engine.update({
          ...common(model, resource),
          integration: account.integration,
          account: context,
          id,
          body,
        });
        return answer.record;
      }),
    delete: (model, resource, id) =>
      run(async (account, context) => {
        await engine.delete({
          ...common(model, resource),
          integration: account.integration,
          account: context,
          id,
        });
        return { id };
      }),
  };
}
