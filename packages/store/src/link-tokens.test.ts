import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { EnvironmentNotFound, InvalidArgument } from './errors.js';

const connection = { subdomain: 'acme', client_id: 'cid-123', client_secret: 'link-secret-91' };

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the wall clock (Date only; timers stay real so drivers keep working). */
function advanceClock(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

describeEachDatabase('link tokens', (kind) => {
  it('are peeked while valid and bound to their environment, integration and tenant', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    const before = Date.now();
    const { token, expiresAt } = await store.linkTokens.create(env.id, {
      integration: 'onelogin',
      tenantId: 'customer-42',
      redirectUrl: 'https://app.example.com/done',
    });

    expect(token).toMatch(/^lt_[A-Za-z0-9_-]{43}$/);
    // Default lifetime: 30 minutes.
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(1800_000);
    expect(Date.parse(expiresAt) - before).toBeLessThan(1800_000 + 60_000);
    expect(await store.linkTokens.peek(token)).toEqual({
      id: expect.stringMatching(/^lt_[0-9a-z]{26}$/),
      environment_id: env.id,
      integration: 'onelogin',
      tenant_id: 'customer-42',
      redirect_url: 'https://app.example.com/done',
      expires_at: expiresAt,
      created_at: expect.any(String),
      failed_attempts: 0,
    });
    expect(await store.linkTokens.peek(`${token}x`)).toBeUndefined();
  });

  it('are spent by exactly one of many concurrent callers, then unusable', async () => {
    const database = await kind.fresh();
    const [a, b] = [await database.open(), await database.open()];
    const env = await a.environments.create('acme');
    const { token } = await a.linkTokens.create(env.id, { integration: 'onelogin', tenantId: 't' });

    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).linkTokens.spend(token, `ia_${i}`)),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.linkTokens.peek(token)).toBeUndefined();
    expect(await b.linkTokens.spend(token, 'ia_late')).toBe(false);
  });

  it('are redeemed into exactly one account under concurrency, in the environment they were issued for', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    const { token } = await store.linkTokens.create(env.id, {
      integration: 'onelogin',
      tenantId: 'customer-42',
    });

    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        store.linkTokens.redeem(token, { connection, secretFields: ['client_secret'] }),
      ),
    );

    const accounts = results.filter((r) => r !== undefined);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      environment_id: env.id,
      integration: 'onelogin',
      tenant_id: 'customer-42',
    });
    expect(await store.accounts.list(env.id, { limit: 10 })).toEqual(accounts);
    expect(await store.linkTokens.peek(token)).toBeUndefined();
  });

  it('stop working once expired', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    const short = await store.linkTokens.create(env.id, {
      integration: 'onelogin',
      tenantId: 't',
      ttlSeconds: 60,
    });
    const dflt = await store.linkTokens.create(env.id, { integration: 'onelogin', tenantId: 't' });

    advanceClock(61_000);
    expect(await store.linkTokens.peek(short.token)).toBeUndefined();
    expect(await store.linkTokens.spend(short.token, 'ia_x')).toBe(false);
    expect(await store.linkTokens.redeem(short.token, { connection, secretFields: [] })).toBeUndefined();
    expect(await store.linkTokens.peek(dflt.token)).toBeDefined();

    advanceClock(30 * 60_000);
    expect(await store.linkTokens.peek(dflt.token)).toBeUndefined();
    expect(await store.linkTokens.spend(dflt.token, 'ia_x')).toBe(false);
    expect(await store.accounts.list(env.id, { limit: 10 })).toEqual([]);
  });

  it('refuse a non-positive lifetime and an unknown environment', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    await expect(
      store.linkTokens.create(env.id, { integration: 'onelogin', tenantId: 't', ttlSeconds: 0 }),
    ).rejects.toBeInstanceOf(InvalidArgument);
    await expect(
      store.linkTokens.create('env_missing', { integration: 'onelogin', tenantId: 't' }),
    ).rejects.toBeInstanceOf(EnvironmentNotFound);
  });
});

describeEachDatabase('link token failed attempts', (kind) => {
  it('counts failed submissions per token, concurrently, and not for spent tokens', async () => {
    const store = await (await kind.fresh()).open();
    const env = await store.environments.create('acme');
    const { token } = await store.linkTokens.create(env.id, { integration: 'onelogin', tenantId: 't' });
    expect((await store.linkTokens.peek(token))?.failed_attempts).toBe(0);
    await Promise.all([1, 2, 3].map(() => store.linkTokens.recordFailedAttempt(token)));
    expect((await store.linkTokens.peek(token))?.failed_attempts).toBe(3);
    expect(await store.linkTokens.recordFailedAttempt('lt_unknown')).toBeUndefined();
  });
});
