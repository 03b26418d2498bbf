import { afterEach, describe, expect, it } from 'vitest';
import { SwitchboardApiError, SwitchboardConnectionError, SwitchboardUsageError } from './errors.js';
import { Switchboard } from './switchboard.js';
import { apiError, type Handler, type LocalServer, startLocalServer } from './testing/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(handler: Handler, options: { adminToken?: string; apiKey?: string } = {}) {
  server = await startLocalServer(handler);
  const sb = new Switchboard({ apiKey: 'sk_test_1', baseUrl: server.baseUrl, ...options });
  return { sb, requests: server.requests };
}

describe('authentication', () => {
  it('sends the API key as a bearer token', async () => {
    const { sb, requests } = await client(() => ({ body: { result: [] } }));
    await sb.integrations.list();
    expect(requests[0]?.headers.authorization).toBe('Bearer sk_test_1');
    expect(requests[0]?.pathname).toBe('/integrations');
  });

  it('sends the admin token, not the API key, to /admin', async () => {
    const { sb, requests } = await client(
      () => ({ status: 201, body: { id: 'env_1', name: 'acme', created_at: 'x' } }),
      {
        adminToken: 'adm_secret',
      },
    );
    const env = await sb.admin.environments.create({ name: 'acme' });
    expect(env.id).toBe('env_1');
    expect(requests[0]?.headers.authorization).toBe('Bearer adm_secret');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ name: 'acme' });
  });

  it('sends no credential to /health', async () => {
    const { sb, requests } = await client(() => ({ body: { status: 'ok' } }));
    expect(await sb.health()).toEqual({ status: 'ok' });
    expect(requests[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses an admin call without an admin token before sending anything', async () => {
    const { sb, requests } = await client(() => ({ status: 204 }));
    await expect(sb.admin.apiKeys.delete('key_1')).rejects.toMatchObject({
      name: 'SwitchboardUsageError',
      code: 'SB_ERR_SDK_ADMIN_TOKEN_MISSING',
    });
    expect(requests).toHaveLength(0);
  });

  it('refuses to build a client with no credential at all', () => {
    expect(() => new Switchboard({})).toThrow(SwitchboardUsageError);
  });
});

describe('list envelope', () => {
  it('parses the envelope and exposes the rate-limit headers', async () => {
    const { sb } = await client(() => ({
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '4999', 'ratelimit-reset': '3600' },
      body: {
        result: [{ id: 'u1', emails: [{ email: 'ann@example.com', is_primary: true }] }],
        next_cursor: 'c2',
        prev_cursor: null,
        result_count: 1,
      },
    }));
    const page = await sb.unified.userDirectory.users.list({ integrated_account_id: 'ia_1' });
    expect(page.result[0]?.emails?.[0]?.email).toBe('ann@example.com');
    expect(page.next_cursor).toBe('c2');
    expect(page.prev_cursor).toBeNull();
    expect(page.result_count).toBe(1);
    expect(page.rateLimit).toEqual({ limit: 5000, remaining: 4999, reset: 3600 });
  });

  it('gives rateLimit null when the API sent no such header', async () => {
    const { sb } = await client(() => ({
      body: { result: [], next_cursor: null, prev_cursor: null, result_count: 0 },
    }));
    const page = await sb.integratedAccounts.list({ limit: 10 });
    expect(page.rateLimit).toBeNull();
  });

  it('throws a typed error when a list answers without an envelope', async () => {
    const { sb } = await client(() => ({ body: { id: 'u1' } }));
    await expect(
      sb.unified.userDirectory.groups.list({ integrated_account_id: 'ia_1' }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_SDK_UNEXPECTED_RESPONSE',
    });
  });
});

describe('errors', () => {
  it('throws SwitchboardApiError carrying the contract code, message, details and request id', async () => {
    const { sb } = await client(() => ({
      ...apiError(404, 'SB_ERR_NOT_FOUND', 'integrated account ia_x not found', { details: { id: 'ia_x' } }),
      headers: { 'x-request-id': 'req-42' },
    }));
    const error = await sb.integratedAccounts.get('ia_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'SB_ERR_NOT_FOUND',
      message: 'integrated account ia_x not found',
      details: { id: 'ia_x' },
      requestId: 'req-42',
      isRemoteError: false,
      remote: null,
      rateLimit: null,
    });
  });

  it('carries the upstream rate-limit state on an error answer', async () => {
    const { sb } = await client(() => ({
      ...apiError(404, 'SB_ERR_NOT_FOUND', 'user 7 not found', { remote: { status: 404, body: {} } }),
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '12', 'ratelimit-reset': '60' },
    }));
    const error = await sb.unified.userDirectory.users
      .get('7', { integrated_account_id: 'ia_1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, rateLimit: { limit: 5000, remaining: 12, reset: 60 } });
  });

  it('exposes upstream failures as remote errors', async () => {
    const { sb } = await client(() =>
      apiError(422, 'SB_ERR_CONNECTION_REFUSED', 'the upstream refused the credentials', {
        remote: { status: 401, body: { message: 'Unauthorized' } },
        is_remote_error: true,
      }),
    );
    const error = await sb.integratedAccounts
      .create({ integration: 'onelogin', tenant_id: 't1', connection: { subdomain: 'acme' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      isRemoteError: true,
      remote: { status: 401, body: { message: 'Unauthorized' } },
    });
  });

  it('still throws a typed error when the answer is not the API error shape', async () => {
    const { sb } = await client(() => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<h1>bad</h1>',
    }));
    await expect(sb.integrations.list()).rejects.toMatchObject({
      name: 'SwitchboardApiError',
      status: 502,
      code: 'SB_ERR_SDK_UNEXPECTED_RESPONSE',
    });
  });

  it('throws SwitchboardConnectionError, keeping the cause, when nothing answers', async () => {
    const closed = await startLocalServer(() => ({}));
    await closed.close();
    const sb = new Switchboard({ apiKey: 'k', baseUrl: closed.baseUrl, maxRetries: 0 });
    const error = await sb.integrations.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardConnectionError);
    expect(error).toMatchObject({ code: 'SB_ERR_SDK_NETWORK' });
    expect((error as Error).cause).toBeDefined();
  });
});

describe('other areas', () => {
  it('creates link tokens and integrated accounts with the documented bodies', async () => {
    const { sb, requests } = await client((req) =>
      req.pathname === '/link-tokens'
        ? { status: 201, body: { link_token: 'lt_1', url: 'http://x/connect/lt_1', expires_at: 'x' } }
        : { status: 204 },
    );
    const token = await sb.linkTokens.create({ integration: 'onelogin', tenant_id: 't1' });
    await sb.integratedAccounts.delete('ia_1');
    expect(token.link_token).toBe('lt_1');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ integration: 'onelogin', tenant_id: 't1' });
    expect(requests[0]?.headers['content-type']).toBe('application/json');
    expect(requests[1]).toMatchObject({ method: 'DELETE', pathname: '/integrated-accounts/ia_1' });
  });

  it('encodes ids as one path segment and refuses ids that would reach another endpoint', async () => {
    const { sb, requests } = await client(() => ({ body: {} }));
    await sb.integratedAccounts.capabilities('a/b?c');
    expect(requests[0]?.url).toBe('/integrated-accounts/a%2Fb%3Fc/capabilities');
    await expect(sb.integratedAccounts.get('..')).rejects.toMatchObject({
      code: 'SB_ERR_SDK_PATH_SEGMENT_INVALID',
    });
    expect(requests).toHaveLength(1);
  });
});
