import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { DecryptFailed } from './errors.js';

const CLIENT_SECRET = 'plaintext-client-secret-5e1f2a';
const ACCESS_TOKEN = 'plaintext-access-token-8c3b7d';
const REFRESH_TOKEN = 'plaintext-refresh-token-0a9f44';
const VISIBLE = 'visible-subdomain-71c2';

describeEachDatabase('data at rest', (kind) => {
  it('holds no plaintext secret, token, API key or link token', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    const env = await store.environments.create('acme');
    const account = await store.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
      connection: { subdomain: VISIBLE, client_secret: CLIENT_SECRET },
      secretFields: ['client_secret'],
    });
    await store.tokens.set(`onelogin:${account.id}`, {
      access_token: ACCESS_TOKEN,
      refresh_token: REFRESH_TOKEN,
    });
    const { apiKey } = await store.apiKeys.create(env.id);
    const { token: linkToken } = await store.linkTokens.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
    });

    const check = async () => {
      const bytes = await database.rawContents();
      // The non-secret field is there: the search does look at the stored data.
      expect(bytes.includes(VISIBLE)).toBe(true);
      for (const secret of [CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN, apiKey, linkToken]) {
        expect(bytes.includes(secret), 'a secret is stored in plain text').toBe(false);
      }
    };
    await check(); // live, SQLite's write-ahead log included
    await store.close();
    await check(); // after the log is checkpointed into the main file
  });

  it('cannot be read with another key: a typed error, not garbage', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    const env = await store.environments.create('acme');
    const account = await store.accounts.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
      connection: { subdomain: 'acme', client_secret: CLIENT_SECRET },
      secretFields: ['client_secret'],
    });
    await store.tokens.set('k', { access_token: ACCESS_TOKEN });

    const withOtherKey = await database.open(randomBytes(32));

    // Records without secrets stay readable; only the sealed parts refuse.
    expect(await withOtherKey.accounts.get(env.id, account.id)).toEqual(account);
    const error = await withOtherKey.accounts.getWithSecrets(env.id, account.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecryptFailed);
    expect(error).toMatchObject({ code: 'SB_ERR_STORE_DECRYPT_FAILED' });
    expect(String(error)).not.toContain(CLIENT_SECRET);
    await expect(withOtherKey.tokens.get('k')).rejects.toBeInstanceOf(DecryptFailed);
  });
});
