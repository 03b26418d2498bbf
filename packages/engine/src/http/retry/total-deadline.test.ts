/**
 * `timeouts.total`: one deadline over a call's attempts and waits, so a failing or stalled upstream cannot hold a
 * caller for attempts × timeout (issue 16, item 8).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpRuntime } from '../create-http-runtime.js';
import { DEFAULT_TIMEOUTS } from '../integration-plan.js';
import { account, ORIGIN, testIntegration } from '../testing/test-integration.js';
import { useHttpRuntime } from '../testing/use-http-runtime.js';

const retry = {
  max_attempts: 4,
  on_status: ['5XX'],
  on_network_error: true,
  backoff: { initial: '10s', max: '10s', jitter: 'none' },
  max_wait: '60s',
};

describe('timeouts.total', () => {
  it('defaults to well under a minute', () => {
    expect(DEFAULT_TIMEOUTS.total).toBe('40s');
  });

  describe('waits (controlled clock)', () => {
    const http = useHttpRuntime();

    it('does not start a retry wait that would end past the deadline', async () => {
      const integration = testIntegration({ auth: { type: 'none' }, retry, timeouts: { total: '25s' } });
      nock(ORIGIN).get('/x').times(4).reply(503, {});
      const error = await http.runtime
        .session(integration, account())
        .send({ method: 'GET', path: '/x' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SB_ERR_HTTP_UPSTREAM_STATUS' });
      // Two 10 s waits fit in 25 s; a third would not.
      expect(http.time.sleeps).toEqual([10_000, 10_000]);
    });
  });

  describe('a stalled upstream (real local server)', () => {
    let server: Server;
    let origin: string;
    let requests = 0;
    beforeEach(async () => {
      nock.enableNetConnect('127.0.0.1');
      requests = 0;
      server = createServer(() => {
        requests++; // never answers
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('answers SB_ERR_HTTP_TIMEOUT at the deadline, not after attempts × the headers timeout', async () => {
      const integration = testIntegration({
        auth: { type: 'none' },
        retry,
        timeouts: { headers: '60s', total: '300ms' },
      });
      const runtime = createHttpRuntime({ upstreamOverrides: { acme: origin }, sleep: async () => {} });
      try {
        const error = await runtime
          .session(integration, account())
          .send({ method: 'GET', path: '/stall' })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({
          code: 'SB_ERR_HTTP_TIMEOUT',
          details: { deadline_ms: 300, integration: 'acme' },
        });
        expect(requests).toBe(1);
      } finally {
        await runtime.close();
      }
    });
  });
});
