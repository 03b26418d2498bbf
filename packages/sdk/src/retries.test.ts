import { afterEach, describe, expect, it } from 'vitest';
import { SwitchboardApiError, SwitchboardConnectionError } from './errors.js';
import { Switchboard } from './switchboard.js';
import { apiError, type Handler, type LocalServer, startLocalServer } from './testing/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose waits are recorded instead of slept. */
async function client(handler: Handler, maxRetries = 3) {
  server = await startLocalServer(handler);
  const waits: number[] = [];
  const sb = new Switchboard({
    apiKey: 'k',
    baseUrl: server.baseUrl,
    maxRetries,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { sb, waits, requests: server.requests };
}

const tooMany = (retryAfter: string) => ({
  ...apiError(429, 'SB_ERR_RATE_LIMITED', 'upstream rate limit'),
  headers: { 'retry-after': retryAfter },
});
const users = { result: [{ id: 'u1' }], next_cursor: null, prev_cursor: null, result_count: 1 };

describe('429 retries', () => {
  it('waits the Retry-After seconds, then succeeds', async () => {
    const { sb, waits, requests } = await client((_req, i) => (i === 0 ? tooMany('2') : { body: users }));
    const page = await sb.unified.userDirectory.users.list({ integrated_account_id: 'ia_1' });
    expect(page.result).toEqual([{ id: 'u1' }]);
    expect(waits).toEqual([2000]);
    expect(requests).toHaveLength(2);
  });

  it('waits until a Retry-After HTTP date, then succeeds', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const { sb, waits } = await client((_req, i) => (i === 0 ? tooMany(at) : { body: users }));
    await sb.unified.userDirectory.users.list({ integrated_account_id: 'ia_1' });
    expect(waits).toHaveLength(1);
    // The date has whole-second precision: the wait is what is left until then, never more than 30 s.
    expect(waits[0]).toBeGreaterThan(25_000);
    expect(waits[0]).toBeLessThanOrEqual(30_000);
  });

  it('retries writes too, since a 429 means the request was not acted on', async () => {
    const { sb, requests } = await client((_req, i) =>
      i === 0 ? tooMany('1') : { status: 201, body: { id: 'u9' } },
    );
    const created = await sb.unified.userDirectory.users.create(
      { username: 'ann', password: 'pw' },
      { integrated_account_id: 'ia_1' },
    );
    expect(created.id).toBe('u9');
    expect(requests.map((r) => r.body)).toEqual([requests[0]?.body, requests[0]?.body]);
  });

  it('gives up after maxRetries and throws the 429 with its Retry-After', async () => {
    const { sb, waits, requests } = await client(() => tooMany('1'), 2);
    const error = await sb.integrations.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardApiError);
    expect(error).toMatchObject({ status: 429, code: 'SB_ERR_RATE_LIMITED', retryAfterMs: 1000 });
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('does not wait for a Retry-After beyond maxRetryDelayMs', async () => {
    server = await startLocalServer(() => tooMany('3600'));
    const waits: number[] = [];
    const sb = new Switchboard({
      apiKey: 'k',
      baseUrl: server.baseUrl,
      maxRetryDelayMs: 10_000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(sb.integrations.list()).rejects.toMatchObject({ status: 429, retryAfterMs: 3_600_000 });
    expect(waits).toEqual([]);
  });
});

describe('network errors', () => {
  it('retries an idempotent request whose connection dropped', async () => {
    const { sb, waits, requests } = await client((_req, i) => (i === 0 ? { hangUp: true } : { body: users }));
    const page = await sb.unified.userDirectory.users.list({ integrated_account_id: 'ia_1' });
    expect(page.result).toHaveLength(1);
    expect(requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('does not resend a POST whose connection dropped: it may have landed', async () => {
    const { sb, waits, requests } = await client(() => ({ hangUp: true }));
    const error = await sb.linkTokens
      .create({ integration: 'onelogin', tenant_id: 't1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardConnectionError);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});
