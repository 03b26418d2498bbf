import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import type { Store } from './types.js';

async function linkedAccount(store: Store): Promise<string> {
  const env = await store.environments.create(`env-${Math.random().toString(36).slice(2)}`);
  const account = await store.accounts.create(env.id, {
    integration: 'onelogin',
    tenantId: 'customer-42',
    connection: { subdomain: 'acme', client_id: 'cid', client_secret: 'secret-1' },
    secretFields: ['client_secret'],
  });
  return account.id;
}

describeEachDatabase('token cache', (kind) => {
  it('stores, replaces and deletes token sets, and survives a restart', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    const key = `onelogin:${await linkedAccount(store)}`;
    const first = {
      access_token: 'at-1',
      expires_at: 1_900_000_000_000,
      token_type: 'bearer',
      extra: { n: 1 },
    };
    const second = { access_token: 'at-2', refresh_token: 'rt-2', scope: 'users:read' };

    expect(await store.tokens.get(key)).toBeUndefined();
    await store.tokens.set(key, first);
    expect(await store.tokens.get(key)).toEqual(first);
    await store.tokens.set(key, second);
    expect(await (await database.open()).tokens.get(key)).toEqual(second);

    await store.tokens.delete(key);
    await store.tokens.delete(key);
    expect(await store.tokens.get(key)).toBeUndefined();
  });

  it('keeps no token for an account that was deleted, even one stored after the delete', async () => {
    const database = await kind.fresh();
    const store = await database.open(undefined, { ttlMs: 60_000 });
    const raw = await database.open();
    const env = await store.environments.create('acme');
    const account = await store.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 'customer-42',
      connection: { subdomain: 'acme', client_id: 'cid', client_secret: 'secret-1' },
      secretFields: ['client_secret'],
    });
    const key = `onelogin:${account.id}`;
    await store.tokens.set(key, { access_token: 'before-delete' });

    expect(await store.accounts.delete(env.id, account.id)).toBe(true);
    expect(await raw.tokens.get(key)).toBeUndefined();

    // A call that was refreshing when the account was deleted stores its token afterwards.
    await store.tokens.set(key, { access_token: 'after-delete' });
    expect(await raw.tokens.get(key)).toBeUndefined();
    expect(await store.tokens.get(key)).toBeUndefined();
  });
});
