import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { Conflict } from './errors.js';

describeEachDatabase('environments', (kind) => {
  it('are created with a prefixed id and found by id and by name', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');

    expect(env).toEqual({
      id: expect.stringMatching(/^env_[0-9a-z]{26}$/),
      name: 'acme',
      created_at: expect.any(String),
    });
    expect(new Date(env.created_at).toISOString()).toBe(env.created_at);
    expect(await store.environments.get(env.id)).toEqual(env);
    expect(await store.environments.getByName('acme')).toEqual(env);
    expect(await store.environments.get('env_missing')).toBeUndefined();
    expect(await store.environments.getByName('globex')).toBeUndefined();
  });

  it('refuses a second environment with the same name', async () => {
    const store = await (await kind.fresh()).open();
    await store.environments.create('acme');
    await expect(store.environments.create('acme')).rejects.toBeInstanceOf(Conflict);
  });
});
