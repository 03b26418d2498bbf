import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { Conflict, EnvironmentNotFound, InvalidArgument } from './errors.js';

describeEachDatabase('API keys', (kind) => {
  it('authenticate the key that was created, and nothing else', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    const { id, apiKey } = await store.apiKeys.create(env.id);

    expect(id).toMatch(/^key_/);
    expect(apiKey).toMatch(/^sb_live_[A-Za-z0-9_-]{43}$/);
    expect(await store.apiKeys.authenticate(apiKey)).toEqual({ id, environmentId: env.id });
    expect(await store.apiKeys.authenticate(`${apiKey}x`)).toBeUndefined();
    expect(await store.apiKeys.authenticate(apiKey.slice(0, -1))).toBeUndefined();
    expect(await store.apiKeys.authenticate('')).toBeUndefined();
  });

  it('stop authenticating once deleted', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    const { id, apiKey } = await store.apiKeys.create(env.id);
    const other = await store.apiKeys.create(env.id);

    expect(await store.apiKeys.delete(id)).toBe(true);
    expect(await store.apiKeys.delete(id)).toBe(false);
    expect(await store.apiKeys.authenticate(apiKey)).toBeUndefined();
    expect(await store.apiKeys.authenticate(other.apiKey)).toEqual({ id: other.id, environmentId: env.id });
  });

  it('register an operator key idempotently, and refuse it for a second environment', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('default');
    const globex = await store.environments.create('globex');

    const first = await store.apiKeys.register(env.id, 'operator-chosen-key-1234');
    const again = await store.apiKeys.register(env.id, 'operator-chosen-key-1234');

    expect(again).toEqual(first);
    expect(await store.apiKeys.authenticate('operator-chosen-key-1234')).toEqual({
      id: first.id,
      environmentId: env.id,
    });
    await expect(store.apiKeys.register(globex.id, 'operator-chosen-key-1234')).rejects.toBeInstanceOf(
      Conflict,
    );
    await expect(store.apiKeys.register(env.id, '  ')).rejects.toBeInstanceOf(InvalidArgument);
  });

  it('cannot be created for an environment that does not exist', async () => {
    const store = await (await kind.fresh()).open();
    await expect(store.apiKeys.create('env_missing')).rejects.toBeInstanceOf(EnvironmentNotFound);
  });
});
