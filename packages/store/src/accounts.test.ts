import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { EnvironmentNotFound, InvalidArgument } from './errors.js';
import type { Store } from './types.js';

const SECRET = 'client-secret-4b1d0c9e';

const onelogin = (tenantId: string, secret = SECRET) => ({
  integration: 'onelogin',
  tenantId,
  connection: { subdomain: 'acme', client_id: 'cid-123', client_secret: secret },
  secretFields: ['client_secret'],
});

async function twoEnvironments(store: Store) {
  const acme = await store.environments.create('acme');
  const globex = await store.environments.create('globex');
  return { acme: acme.id, globex: globex.id };
}

describeEachDatabase('integrated accounts', (kind) => {
  it('keep secret fields out of everything but getWithSecrets', async () => {
    const store = await (await kind.fresh()).open();
    const { acme } = await twoEnvironments(store);

    const created = await store.accounts.create(acme, onelogin('customer-42'));
    expect(created).toEqual({
      id: expect.stringMatching(/^ia_[0-9a-z]{26}$/),
      environment_id: acme,
      integration: 'onelogin',
      tenant_id: 'customer-42',
      status: 'active',
      connection: { subdomain: 'acme', client_id: 'cid-123' },
      created_at: expect.any(String),
      updated_at: created.created_at,
    });

    const got = await store.accounts.get(acme, created.id);
    const listed = await store.accounts.list(acme, { limit: 10 });
    expect(got).toEqual(created);
    expect(listed).toEqual([created]);
    for (const shown of [created, got, listed]) expect(JSON.stringify(shown)).not.toContain(SECRET);

    expect(await store.accounts.getWithSecrets(acme, created.id)).toEqual({
      ...created,
      secrets: { client_secret: SECRET },
    });
  });

  it("make another environment's accounts invisible, exactly like ids that do not exist", async () => {
    const store = await (await kind.fresh()).open();
    const { acme, globex } = await twoEnvironments(store);
    const account = await store.accounts.create(acme, onelogin('customer-42'));

    expect(await store.accounts.get(globex, account.id)).toBeUndefined();
    expect(await store.accounts.getWithSecrets(globex, account.id)).toBeUndefined();
    expect(await store.accounts.list(globex, { limit: 10 })).toEqual([]);
    expect(
      await store.accounts.updateConnection(globex, account.id, { subdomain: 'evil', client_secret: 'x' }, [
        'client_secret',
      ]),
    ).toBeUndefined();
    await store.accounts.setStatus(globex, account.id, 'needs_reauth');
    expect(await store.accounts.delete(globex, account.id)).toBe(false);

    // Nothing the other environment tried reached the account.
    expect(await store.accounts.getWithSecrets(acme, account.id)).toEqual({
      ...account,
      secrets: { client_secret: SECRET },
    });
  });

  it('list in creation order, page by page, each account exactly once, with filters', async () => {
    const store = await (await kind.fresh()).open();
    const { acme, globex } = await twoEnvironments(store);
    const created = [];
    for (let i = 0; i < 7; i += 1) {
      created.push(
        await store.accounts.create(acme, {
          ...onelogin(`t${i % 2}`),
          integration: i < 5 ? 'onelogin' : 'okta',
        }),
      );
    }
    await store.accounts.create(globex, onelogin('t0'));

    const seen = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.accounts.list(acme, { limit: 3, ...(after === undefined ? {} : { after }) });
      seen.push(...page);
      if (page.length < 3) break;
      after = page.at(-1)!.id;
    }
    expect(seen.map((a) => a.id)).toEqual(created.map((a) => a.id));
    const sortKeys = seen.map((a) => `${a.created_at} ${a.id}`);
    expect(sortKeys).toEqual([...sortKeys].sort());

    expect((await store.accounts.list(acme, { limit: 10, integration: 'okta' })).map((a) => a.id)).toEqual(
      created.slice(5).map((a) => a.id),
    );
    expect((await store.accounts.list(acme, { limit: 10, tenantId: 't1' })).map((a) => a.id)).toEqual(
      created.filter((_, i) => i % 2 === 1).map((a) => a.id),
    );
    await expect(store.accounts.list(acme, { limit: 0 })).rejects.toBeInstanceOf(InvalidArgument);
  });

  it('continue a listing after an account that was deleted between two pages', async () => {
    const store = await (await kind.fresh()).open();
    const { acme } = await twoEnvironments(store);
    const created = [];
    for (let i = 0; i < 4; i += 1) created.push(await store.accounts.create(acme, onelogin(`t${i}`)));

    const first = await store.accounts.list(acme, { limit: 2 });
    await store.accounts.delete(acme, first[1]!.id);
    const second = await store.accounts.list(acme, { limit: 2, after: first[1]!.id });

    expect(second.map((a) => a.id)).toEqual([created[2]!.id, created[3]!.id]);
  });

  it('rotate credentials with updateConnection, which makes a needs_reauth account active again', async () => {
    const store = await (await kind.fresh()).open();
    const { acme } = await twoEnvironments(store);
    const account = await store.accounts.create(acme, onelogin('customer-42'));

    await store.accounts.setStatus(acme, account.id, 'needs_reauth');
    expect((await store.accounts.get(acme, account.id))?.status).toBe('needs_reauth');

    const updated = await store.accounts.updateConnection(
      acme,
      account.id,
      { subdomain: 'acme', client_id: 'cid-456', client_secret: 'rotated-secret-77' },
      ['client_secret'],
    );
    expect(updated).toMatchObject({
      id: account.id,
      status: 'active',
      connection: { subdomain: 'acme', client_id: 'cid-456' },
    });
    expect(JSON.stringify(updated)).not.toContain('rotated-secret-77');
    expect((await store.accounts.getWithSecrets(acme, account.id))?.secrets).toEqual({
      client_secret: 'rotated-secret-77',
    });
  });

  it('are deleted by exactly one of many concurrent callers, across separate connections', async () => {
    const database = await kind.fresh();
    const [a, b] = [await database.open(), await database.open()];
    const { acme } = await twoEnvironments(a);
    const account = await a.accounts.create(acme, onelogin('customer-42'));

    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).accounts.delete(acme, account.id)),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.accounts.get(acme, account.id)).toBeUndefined();
  });

  it('cannot be created in an environment that does not exist', async () => {
    const store = await (await kind.fresh()).open();
    await expect(store.accounts.create('env_missing', onelogin('t'))).rejects.toBeInstanceOf(
      EnvironmentNotFound,
    );
  });
});
