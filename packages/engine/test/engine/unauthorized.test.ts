/**
 * Issue 13 item 7: a 401 on a data call means the stored credentials no longer work, whatever the auth type —
 * `SB_ERR_AUTH_NEEDS_REAUTH` (the account must be linked again), as for OAuth once its refresh failed. The Acme
 * upstream answers 401 to any credential that is not one of its tokens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { ACME_CONNECTION, acmeUpstream } from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

const STATIC_AUTH = {
  api_key: '  type: api_key\n  in: header\n  name: X-Api-Key\n  value: "{{ connection.client_secret }}"',
  bearer: '  type: bearer\n  token: "{{ connection.client_secret }}"',
  basic:
    '  type: basic\n  username: "{{ connection.client_id }}"\n  password: "{{ connection.client_secret }}"',
} as const;

const loaded: Record<string, CompiledIntegration> = {};
beforeAll(async () => {
  for (const [type, auth] of Object.entries(STATIC_AUTH)) loaded[type] = await loadVariant({ auth });
  loaded['none'] = await loadVariant({ auth: '  type: none' });
  loaded['oauth2'] = await loadVariant();
}, 60_000);

const list = {
  integration: 'acme',
  account: { id: 'acct-1', connection: ACME_CONNECTION },
  model: 'user-directory',
  resource: 'users',
} as const;

describe('a 401 on a data call', () => {
  useOfflineNetwork();

  it.each(Object.keys(STATIC_AUTH))(
    'is SB_ERR_AUTH_NEEDS_REAUTH with the upstream reason for %s auth',
    async (type) => {
      const upstream = acmeUpstream();
      const engine = await variantEngine(loaded[type] as CompiledIntegration);
      await expect(engine.list(list)).rejects.toMatchObject({
        code: 'SB_ERR_AUTH_NEEDS_REAUTH',
        details: { reason: 'token expired (HTTP 401)', remote: { status: 401 } },
      });
      // Static credentials cannot be refreshed: one call, no retry.
      expect(upstream.calls('/v1/people')).toHaveLength(1);
      await engine.close();
    },
  );

  it('is SB_ERR_AUTH_NEEDS_REAUTH for OAuth when the fresh token is refused too', async () => {
    const upstream = acmeUpstream();
    upstream.before = (request) =>
      request.path === '/v1/people' ? [401, { error: { message: 'app deactivated' } }] : undefined;
    const engine = await variantEngine(loaded['oauth2'] as CompiledIntegration);
    await expect(engine.list(list)).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_NEEDS_REAUTH',
      details: { reason: 'app deactivated (HTTP 401)' },
    });
    expect(upstream.tokensIssued()).toBe(2);
    await engine.close();
  });

  it('stays an upstream status without credentials (auth: none)', async () => {
    acmeUpstream();
    const none = await variantEngine(loaded['none'] as CompiledIntegration);
    await expect(none.list(list)).rejects.toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      details: { remote: { status: 401 } },
    });
    await none.close();
  });

  it('a 403 is never a re-auth', async () => {
    const upstream = acmeUpstream();
    upstream.before = (request) =>
      request.path === '/v1/people' ? [403, { error: { message: 'no' } }] : undefined;
    const oauth = await variantEngine(loaded['oauth2'] as CompiledIntegration);
    await expect(oauth.list(list)).rejects.toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS' });
    await oauth.close();
  });
});
