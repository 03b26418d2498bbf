/**
 * Rate-limit policies that match several methods (`methods: [POST, PUT, DELETE]`) and a per-call `cost`, run
 * against the Acme upstream on a frozen clock: a budget that is spent refuses at once (`max_wait` is 1 s, the
 * wait a minute), and nothing is sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { MemoryRateBudget } from '../../src/http/rate-limit/memory-rate-budget.js';
import { ACME_CONNECTION, acmeUpstream } from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

let writes: CompiledIntegration;
let costs: CompiledIntegration;
beforeAll(async () => {
  writes = await loadVariant({
    extra: `rate_limit:
  policies:
    - { match: { methods: [POST, PATCH, DELETE], path: "^/v1/people" }, limit: 2, per: 1m }`,
  });
  costs = await loadVariant({
    extra: `rate_limit:
  policies:
    - limit: 10
      per: 1m
      cost:
        - { match: { methods: [GET], path: "^/v1/people$" }, cost: 4 }
        - { match: { method: POST }, cost: 3 }`,
  });
}, 60_000);

const account = { id: 'acct-1', connection: ACME_CONNECTION };
const op = (resource: string) =>
  ({ integration: 'acme', account, model: 'user-directory', resource }) as const;
const person = (n: number) => ({ name: `New ${n}`, emails: [{ email: `new${n}@acme.test` }] });

describe('rate-limit policies', () => {
  useOfflineNetwork();

  it('one policy counts every listed method, and no other', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(writes);
    await engine.create({ ...op('users'), body: person(1) });
    await engine.create({ ...op('users'), body: person(2) });
    await expect(engine.create({ ...op('users'), body: person(3) })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_RATE_LIMITED',
      details: { source: 'budget' },
    });
    expect(upstream.calls('/v1/people', 'POST')).toHaveLength(2);
    // Reads are not counted by the write policy.
    for (let i = 0; i < 4; i++) await engine.list({ ...op('users'), limit: 1 });
    await engine.close();
  });

  it('a call takes its declared cost from the budget; calls no entry matches cost 1', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(costs);
    // 10 units: two people lists (4 each) leave 2, enough for two role lists (1 each) but not a third list.
    await engine.list({ ...op('users'), limit: 5 });
    await engine.list({ ...op('users'), limit: 5 });
    await expect(engine.list({ ...op('users'), limit: 5 })).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_RATE_LIMITED',
    });
    await engine.list(op('roles'));
    await engine.list(op('roles'));
    await expect(engine.list(op('roles'))).rejects.toMatchObject({ code: 'SB_ERR_HTTP_RATE_LIMITED' });
    expect(upstream.calls('/v1/people')).toHaveLength(2);
    expect(upstream.calls('/v1/roles')).toHaveLength(2);
    await engine.close();
  });

  it('a costly call waits for as many units as it costs', async () => {
    let now = 0;
    const budget = new MemoryRateBudget({ clock: () => now });
    const policy = { id: '0', limit: 10, windowMs: 10_000 };
    expect(await budget.take('k', policy, 8)).toBe(0);
    // 2 left, 3 needed: one more unit refills in a second.
    expect(await budget.take('k', policy, 3)).toBe(1000);
    now = 1000;
    expect(await budget.take('k', policy, 3)).toBe(0);
    // A cost above the limit counts as the limit, so it can still be paid once the bucket is full.
    now = 11_000;
    expect(await budget.take('k', policy, 50)).toBe(0);
  });
});
