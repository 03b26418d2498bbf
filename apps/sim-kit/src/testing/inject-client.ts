/**
 * @module Test helper (export `@switchboard/sim-kit/testing`): call a simulator through `app.inject()` the
 * way a client would, with the credential header of the moment.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface InjectClient {
  /** Headers sent when a call gives none (e.g. `{ authorization: 'SSWS …' }`); reassign to switch tokens. */
  headers: Record<string, string>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export function injectClient(app: FastifyInstance, headers: Record<string, string> = {}): InjectClient {
  const client: InjectClient = {
    headers,
    get: (url, override) => app.inject({ method: 'GET', url, headers: override ?? client.headers }),
    send: (method, url, payload, override) =>
      app.inject({
        method,
        url,
        headers: { ...(override ?? client.headers), 'content-type': 'application/json' },
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      }),
  };
  return client;
}
