import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';

describeEachDatabase('token cache', (kind) => {
  it('stores, replaces and deletes token sets, and survives a restart', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    const first = {
      access_token: 'at-1',
      expires_at: 1_900_000_000_000,
      token_type: 'bearer',
      extra: { n: 1 },
    };
    const second = { access_token: 'at-2', refresh_token: 'rt-2', scope: 'users:read' };

    expect(await store.tokens.get('onelogin:ia_1')).toBeUndefined();
    await store.tokens.set('onelogin:ia_1', first);
    expect(await store.tokens.get('onelogin:ia_1')).toEqual(first);
    await store.tokens.set('onelogin:ia_1', second);
    expect(await (await database.open()).tokens.get('onelogin:ia_1')).toEqual(second);

    await store.tokens.delete('onelogin:ia_1');
    await store.tokens.delete('onelogin:ia_1');
    expect(await store.tokens.get('onelogin:ia_1')).toBeUndefined();
  });
});
