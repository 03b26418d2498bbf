/**
 * @module A sync run's view of one integrated account: its Unified API through the engine, page by page, with
 * the account's credentials, rate budget and retries like any interactive call. `remote_data` is not read: the
 * change feed compares and sends unified records.
 */
import type { AccountSource } from '@switchboard/changefeed';
import type { Engine } from '@switchboard/engine';
import type { Store } from '@switchboard/store';
import { accountContext } from '../account-access.js';

const MODEL = 'user-directory';

export function accountSources(engine: Engine, store: Store) {
  return async (accountId: string, environmentId: string): Promise<AccountSource | undefined> => {
    const account = await store.accounts.getWithSecrets(environmentId, accountId);
    if (account === undefined) return undefined;
    const context = accountContext(account);
    const capabilities = engine.capabilities(account.integration)[MODEL] ?? {};
    const unified = engine.integration(account.integration).definition.unified?.[MODEL] as
      | Record<string, { list?: { limit?: { max?: number } } }>
      | undefined;
    return {
      account: {
        id: account.id,
        environmentId: account.environment_id,
        tenantId: account.tenant_id,
        integration: account.integration,
      },
      source: {
        filters: (resource) => capabilities[resource]?.filters ?? [],
        async *pages(resource, filters, signal) {
          let cursor: string | null | undefined;
          do {
            const page = await engine.list({
              integration: account.integration,
              account: context,
              model: MODEL,
              resource,
              filters,
              remoteData: false,
              // The largest page the integration allows: a run costs as few upstream calls as a plain read.
              ...(unified?.[resource]?.list?.limit?.max === undefined
                ? {}
                : { limit: unified[resource].list.limit.max }),
              ...(cursor ? { cursor } : {}),
              ...(signal === undefined ? {} : { signal }),
            });
            yield {
              records: page.result,
              ...(page.rateLimit === undefined ? {} : { rateLimit: page.rateLimit }),
            };
            cursor = page.next_cursor;
          } while (cursor !== null);
        },
      },
    };
  };
}
