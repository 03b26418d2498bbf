/**
 * The in-process caches of API keys, accounts and tokens, with two store handles on one database standing in
 * for two replicas. A fake clock drives expiry.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase, testKey } from '../test/databases.js';

const TTL_MS = 5000;

function cacheWithClock() {
  let now = 0;
  return { options: { ttlMs: TTL_MS, now: () => now }, advance: (ms: number) => (now += ms) };
}

describeEachDatabase('cached store', (kind) => {
  it('keeps authenticating a key from memory; deleting it here stops it at once, elsewhere within the TTL', async () => {
    const database = await kind.fresh();
    const time = cacheWithClock();
    const here = await database.open(testKey, time.options);
    const other = await database.open(testKey, time.options);
    const env = await here.environments.create('acme');
    const first = await here.apiKeys.create(env.id);
    const second = await here.apiKeys.create(env.id);
    const caller = { id: first.id, environmentId: env.id };

    expect(await here.apiKeys.authenticate(first.apiKey)).toEqual(caller);
    expect(await other.apiKeys.authenticate(first.apiKey)).toEqual(caller);
    expect(await here.apiKeys.delete(first.id)).toBe(true);
    expect(await here.apiKeys.authenticate(first.apiKey)).toBeUndefined();
    // The other replica trusts what it saw for at most the TTL.
    expect(await other.apiKeys.authenticate(first.apiKey)).toEqual(caller);
    time.advance(TTL_MS);
    expect(await other.apiKeys.authenticate(first.apiKey)).toBeUndefined();
    expect(await other.apiKeys.authenticate(second.apiKey)).toEqual({ id: second.id, environmentId: env.id });
  });

  it('accepts a key created by another replica immediately (misses are not remembered)', async () => {
    const database = await kind.fresh();
    const time = cacheWithClock();
    const here = await database.open(testKey, time.options);
    const other = await database.open(testKey, time.options);
    const env = await here.environments.create('acme');
    expect(await here.apiKeys.authenticate('sb_live_not-yet')).toBeUndefined();
    await other.apiKeys.register(env.id, 'sb_live_not-yet');
    expect(await here.apiKeys.authenticate('sb_live_not-yet')).toMatchObject({ environmentId: env.id });
  });

  it('serves accounts with secrets from memory, and drops them on every write through the same store', async () => {
    const database = await kind.fresh();
    const time = cacheWithClock();
    const here = await database.open(testKey, time.options);
    const other = await database.open(testKey, time.options);
    const env = await here.environments.create('acme');
    const connection = { subdomain: 'acme', client_secret: 's1' };
    const account = await here.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
      connection,
      secretFields: ['client_secret'],
    });

    expect(await here.accounts.getWithSecrets(env.id, account.id)).toMatchObject({
      secrets: { client_secret: 's1' },
      status: 'active',
    });
    await here.accounts.setStatus(env.id, account.id, 'needs_reauth');
    expect(await here.accounts.getWithSecrets(env.id, account.id)).toMatchObject({ status: 'needs_reauth' });
    await here.accounts.updateConnection(env.id, account.id, { ...connection, client_secret: 's2' }, [
      'client_secret',
    ]);
    const rotated = await here.accounts.getWithSecrets(env.id, account.id);
    expect(rotated).toMatchObject({ secrets: { client_secret: 's2' }, status: 'active' });
    expect(Object.isFrozen(rotated?.secrets)).toBe(true);
    // Still scoped: the cache never answers for another environment.
    const globex = await here.environments.create('globex');
    expect(await here.accounts.getWithSecrets(globex.id, account.id)).toBeUndefined();

    expect(await other.accounts.getWithSecrets(env.id, account.id)).toBeDefined();
    expect(await here.accounts.delete(env.id, account.id)).toBe(true);
    expect(await here.accounts.getWithSecrets(env.id, account.id)).toBeUndefined();
    expect(await other.accounts.getWithSecrets(env.id, account.id)).toBeDefined();
    time.advance(TTL_MS);
    expect(await other.accounts.getWithSecrets(env.id, account.id)).toBeUndefined();
  });

  it('keeps a token in memory, writes through, and reads the shared copy past it on request', async () => {
    const database = await kind.fresh();
    const time = cacheWithClock();
    const here = await database.open(testKey, time.options);
    const other = await database.open(testKey, time.options);
    const env = await here.environments.create('acme');
    const account = await here.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 'customer-42',
      connection: { client_id: 'c' },
      secretFields: [],
    });
    const key = `onelogin:${account.id}`;

    await here.tokens.set(key, { access_token: 'at-1' });
    expect(await other.tokens.get(key)).toEqual({ access_token: 'at-1' });
    // The other replica refreshes; this one still holds its copy until asked for the shared one.
    await other.tokens.set(key, { access_token: 'at-2' });
    expect(await here.tokens.get(key)).toEqual({ access_token: 'at-1' });
    expect(await here.tokens.getShared?.(key)).toEqual({ access_token: 'at-2' });
    expect(await here.tokens.get(key)).toEqual({ access_token: 'at-2' });

    // A revoke elsewhere is seen within the TTL; one here at once.
    await other.tokens.delete(key);
    expect(await here.tokens.get(key)).toEqual({ access_token: 'at-2' });
    time.advance(TTL_MS);
    expect(await here.tokens.get(key)).toBeUndefined();
    await here.tokens.set(key, { access_token: 'at-3' });
    await here.tokens.delete(key);
    expect(await here.tokens.get(key)).toBeUndefined();
  });

  it('caches nothing without the cache option', async () => {
    const database = await kind.fresh();
    const here = await database.open();
    const other = await database.open();
    await here.tokens.set('k', { access_token: 'at-1' });
    expect(await here.tokens.get('k')).toEqual({ access_token: 'at-1' });
    await other.tokens.set('k', { access_token: 'at-2' });
    expect(await here.tokens.get('k')).toEqual({ access_token: 'at-2' });
    expect(here.tokens.getShared).toBeUndefined();
  });
});
