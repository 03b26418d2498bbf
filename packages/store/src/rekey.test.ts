import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { DecryptFailed } from './errors.js';

const SECRET = 'client-secret-rotated-4471';

describeEachDatabase('key rotation', (kind) => {
  it('reads with the previous key, writes with the new one, and rekey re-seals everything', async () => {
    const database = await kind.fresh();
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = await database.open(oldKey);
    const env = await before.environments.create('acme');
    const account = await before.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
      connection: { subdomain: 'acme', client_id: 'cid', client_secret: SECRET },
      secretFields: ['client_secret'],
    });
    const key = `onelogin:${account.id}`;
    await before.tokens.set(key, { access_token: 'at-old' });

    const rotating = await database.open(newKey, undefined, [oldKey]);
    expect((await rotating.accounts.getWithSecrets(env.id, account.id))?.secrets).toEqual({
      client_secret: SECRET,
    });
    expect(await rotating.tokens.get(key)).toEqual({ access_token: 'at-old' });

    expect(await rotating.rekey()).toEqual({ accounts: 1, tokens: 1, unreadable: [] });
    expect(await rotating.rekey()).toEqual({ accounts: 0, tokens: 0, unreadable: [] });

    // The old key can go: everything opens with the new one alone.
    const after = await database.open(newKey);
    expect((await after.accounts.getWithSecrets(env.id, account.id))?.secrets).toEqual({
      client_secret: SECRET,
    });
    expect(await after.tokens.get(key)).toEqual({ access_token: 'at-old' });
  });

  it('rekey reports credentials no key opens and drops cached tokens no key opens', async () => {
    const database = await kind.fresh();
    const lost = await database.open(randomBytes(32));
    const env = await lost.environments.create('acme');
    const account = await lost.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
      connection: { client_secret: SECRET },
      secretFields: ['client_secret'],
    });
    await lost.tokens.set(`onelogin:${account.id}`, { access_token: 'at-lost' });

    const current = await database.open(randomBytes(32));
    expect(await current.rekey()).toEqual({ accounts: 0, tokens: 0, unreadable: [account.id] });
    expect(await current.tokens.get(`onelogin:${account.id}`)).toBeUndefined();
    await expect(current.accounts.getWithSecrets(env.id, account.id)).rejects.toBeInstanceOf(DecryptFailed);
  });
});
