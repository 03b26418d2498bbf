/**
 * Auth on another host (Entra: token at login.microsoftonline.com, data at graph.microsoft.com) and the
 * operator's redirects: `SWITCHBOARD_UPSTREAM_<NAME>` moves every declared origin, `…_AUTH` only the auth host.
 * nock refuses every host nobody intercepts, so a request (or a credential) that reaches a real host fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { ACME_CONNECTION, ACME_ORIGIN, acmeUpstream } from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

const LOGIN_ORIGIN = 'https://login.acme-id.test';
const SIM = 'http://sim.acme.test';
const AUTH_SIM = 'http://auth-sim.acme.test';
const account = { id: 'acct-1', connection: ACME_CONNECTION };
const list = (resource: string) =>
  ({ integration: 'acme', account, model: 'user-directory', resource }) as const;

let integration: CompiledIntegration;
const otherHost = async () => integration;
// The loader compiles the JSON Schema once per process (about a second, more on a busy machine).
beforeAll(async () => {
  integration = await loadVariant({
    auth: `  type: oauth2_client_credentials
  token_request:
    path: ${LOGIN_ORIGIN}/{{ connection.tenant }}/oauth/token
    client_auth: { type: basic }
  verify: { method: GET, path: /v1/me }`,
  });
}, 60_000);

describe('a token endpoint on another host', () => {
  useOfflineNetwork();

  it('gets the token from the auth host and the data from the base URL', async () => {
    const upstream = acmeUpstream(undefined, { token: { origin: LOGIN_ORIGIN, path: '/t1/oauth/token' } });
    const engine = await variantEngine(await otherHost());
    const page = await engine.list({ ...list('users'), limit: 3 });
    expect(page.result.map((user) => user['id'])).toEqual(['1', '2', '3']);
    expect(upstream.tokenRequests.map((r) => `${r.origin}${r.path}`)).toEqual([
      `${LOGIN_ORIGIN}/t1/oauth/token`,
    ]);
    await engine.close();
  });

  it('with SWITCHBOARD_UPSTREAM_<NAME>, sends token, data and absolute next links to the one origin, paths kept', async () => {
    // The simulator answers at SIM but, like a real upstream behind a transparent proxy, writes its next links
    // on the declared origin.
    const upstream = acmeUpstream(undefined, {
      origin: SIM,
      token: { origin: SIM, path: '/t1/oauth/token' },
      linkOrigin: ACME_ORIGIN,
    });
    const engine = await variantEngine(await otherHost(), { upstreamOverrides: { acme: SIM } });
    await engine.verify('acme', account);
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await engine.list({ ...list('activities'), ...(cursor ? { cursor } : {}) });
      pages.push(...page.result.map((entry) => entry['id']));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(['900', '901', '902', '903', '904', '905', '906']);
    expect(upstream.calls('/v1/audit').map((r) => r.query['from'] ?? '0')).toEqual(['0', '2', '4', '6']);
    expect(upstream.tokenRequests.map((r) => `${r.origin}${r.path}`)).toEqual([
      `${SIM}/t1/oauth/token`,
      `${SIM}/t1/oauth/token`,
    ]);
    await engine.close();
  });

  it('with only SWITCHBOARD_UPSTREAM_<NAME>_AUTH, moves the token endpoint and leaves data calls alone', async () => {
    const upstream = acmeUpstream(undefined, { token: { origin: AUTH_SIM, path: '/t1/oauth/token' } });
    const engine = await variantEngine(await otherHost(), {
      upstreamOverrides: { acme: { auth: AUTH_SIM } },
    });
    const page = await engine.list({ ...list('users'), limit: 2 });
    expect(page.result).toHaveLength(2);
    expect(upstream.tokenRequests.map((r) => r.origin)).toEqual([AUTH_SIM]);
    expect(upstream.calls('/v1/people')).toHaveLength(1);
    await engine.close();
  });

  it('the auth redirect wins over the one for every origin, for the auth host only', async () => {
    const upstream = acmeUpstream(undefined, {
      origin: SIM,
      token: { origin: AUTH_SIM, path: '/t1/oauth/token' },
    });
    const engine = await variantEngine(await otherHost(), {
      upstreamOverrides: { acme: { all: SIM, auth: AUTH_SIM } },
    });
    await engine.list({ ...list('users'), limit: 2 });
    expect(upstream.tokenRequests.map((r) => r.origin)).toEqual([AUTH_SIM]);
    expect(upstream.calls('/v1/people')).toHaveLength(1);
    await engine.close();
  });

  it('still refuses next links to an origin the integration never declared', async () => {
    const upstream = acmeUpstream(undefined, {
      origin: SIM,
      token: { origin: SIM, path: '/t1/oauth/token' },
      linkOrigin: 'https://evil.test',
    });
    const engine = await variantEngine(await otherHost(), { upstreamOverrides: { acme: SIM } });
    await expect(engine.list(list('activities'))).rejects.toMatchObject({
      code: 'SB_ERR_PAGINATION_FOREIGN_ORIGIN',
    });
    expect(upstream.calls('/v1/audit')).toHaveLength(1);
    await engine.close();
  });
});
