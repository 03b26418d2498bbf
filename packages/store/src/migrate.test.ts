import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';

describeEachDatabase('migrations', (kind) => {
  it('are idempotent: migrating again, and reopening the database, changes nothing and keeps the data', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    const env = await store.environments.create('acme');

    await store.migrate();
    await store.migrate();
    const reopened = await database.open();
    await reopened.migrate();

    expect(await reopened.environments.get(env.id)).toEqual(env);
  });

  it.runIf(kind.name === 'postgres')(
    'let several replicas start on the same empty database at once',
    async () => {
      const database = await kind.fresh();
      const stores = await Promise.all([database.open(), database.open(), database.open()]);
      const env = await stores[0]!.environments.create('acme');
      expect(await stores[2]!.environments.getByName('acme')).toEqual(env);
    },
  );
});
