/**
 * Deleting or re-linking an account while its calls are in flight (issue 16, item 3): a call that was fetching a
 * token when the change arrived must not leave that token behind, neither in the store nor live upstream.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountGateOf } from '../src/account-gate.js';
import { type Stack, startStack, type Tenant } from './stack.js';
import { type HoldingRelay, startHoldingRelay } from './support/holding-relay.js';

let stack: Stack;
let relay: HoldingRelay;
let owner: Tenant;

beforeAll(async () => {
  stack = await startStack({
    simulator: { users: 3 },
    upstream: async (simUrl) => {
      relay = await startHoldingRelay(simUrl);
      return relay.url;
    },
  });
  owner = await stack.tenant();
}, 60_000);

afterAll(async () => {
  await stack.close();
  await relay.close();
});

const list = (account: string) =>
  stack.inject({
    url: `/unified/user-directory/users?integrated_account_id=${account}&limit=1`,
    headers: owner.headers,
  });

/** A list of `account` whose token request is held at the relay, so the token arrives after `change`. */
async function changeDuringTokenRequest(account: string, change: () => Promise<{ statusCode: number }>) {
  await stack.store.tokens.delete(`onelogin:${account}`);
  relay.hold('/auth/oauth2/v2/token');
  const call = list(account);
  await relay.held();
  const changed = change();
  // Either the change waits for the call in flight, or (the bug) it finished without it.
  await Promise.race([
    changed,
    vi.waitFor(() => expect(accountGateOf(stack.store).changing(account)).toBe(true)),
  ]);
  relay.release();
  return { call: await call, changed: await changed };
}

describe('credential changes while a call is fetching a token', () => {
  it('DELETE: the token the call obtained is revoked upstream and not kept in the store', async () => {
    const account = await stack.link(owner);
    const { call, changed } = await changeDuringTokenRequest(account, () =>
      stack.inject({ method: 'DELETE', url: `/integrated-accounts/${account}`, headers: owner.headers }),
    );
    expect(call.statusCode).toBe(200);
    expect(changed.statusCode).toBe(204);
    expect(await stack.store.tokens.get(`onelogin:${account}`)).toBeUndefined();
    expect(stack.sim.state.tokens.activeCount(Date.now())).toBe(0);
    expect((await list(account)).statusCode).toBe(404);
  });

  it('PATCH: the token of the old credentials is revoked and not kept; the next call gets a new one', async () => {
    const account = await stack.link(owner);
    const { changed } = await changeDuringTokenRequest(account, () =>
      stack.inject({
        method: 'PATCH',
        url: `/integrated-accounts/${account}`,
        headers: owner.headers,
        payload: { connection: { client_secret: 'sim-client-secret' } },
      }),
    );
    expect(changed.statusCode).toBe(200);
    expect(await stack.store.tokens.get(`onelogin:${account}`)).toBeUndefined();
    expect(stack.sim.state.tokens.activeCount(Date.now())).toBe(0);
    expect((await list(account)).statusCode).toBe(200);
  });
});
