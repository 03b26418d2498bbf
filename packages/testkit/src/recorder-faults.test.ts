import { loadIntegrationSource } from '@switchboard/engine';
import { describe, expect, it } from 'vitest';
import { recorderFault } from './recorder-faults.js';
import { GRAPHISH_YAML } from './testing/graph-like-upstream.js';
import { FIXTURE_CLOCK } from './virtual-time.js';

const withRateLimit = (headers: string) =>
  loadIntegrationSource(
    GRAPHISH_YAML.replace(
      /rate_limit:\n( {2}.*\n)+/,
      `rate_limit:\n  policies:\n    - { limit: 600, per: 1m }\n${headers}`,
    ),
    'graphish.yaml',
  );
const data = { method: 'GET', path: '/v1.0/users', query: {} };
const token = {
  method: 'POST',
  path: '/oauth2/v1/token',
  query: {},
  body: { grant_type: 'client_credentials' },
};

// Loading an integration compiles its expressions: slow on a busy machine (the timeout is never asserted on).
describe('recorderFault', { timeout: 30_000 }, () => {
  it('answers the first data call once, never a token request', async () => {
    const fault = recorderFault('server_error', await withRateLimit(''));
    expect(fault?.answer(token, FIXTURE_CLOCK)).toBeUndefined();
    expect(fault?.answer(data, FIXTURE_CLOCK)?.status).toBe(503);
    expect(fault?.answer(data, FIXTURE_CLOCK)).toBeUndefined();
    expect(fault?.made).toBe(1);
  });

  it.each([
    ['epoch_ms', String(FIXTURE_CLOCK + 1000)],
    ['http_date', new Date(FIXTURE_CLOCK + 1000).toUTCString()],
    ['delta_seconds', '1'],
  ])('writes a 429 with the declared headers, the reset as %s on the frozen clock', async (format, reset) => {
    const integration = await withRateLimit(
      `  headers:\n    limit: X-Limit\n    remaining: X-Left\n    reset: X-Reset\n    reset_format: ${format}\n`,
    );
    expect(recorderFault('rate_limited', integration)?.answer(data, FIXTURE_CLOCK)?.headers).toEqual({
      'content-type': 'application/json',
      'x-limit': '600',
      'x-left': '0',
      'x-reset': reset,
      'retry-after': '1',
    });
  });

  it('makes nothing for scenarios that need no fault', async () => {
    expect(recorderFault('list', await withRateLimit(''))).toBeUndefined();
  });
});
