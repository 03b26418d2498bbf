import type { FastifyReply } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenStore, tokenRecord } from '../auth/token-store.js';
import { Faults } from '../faults/fault-control.js';
import { RateLimitWindow } from '../limits/rate-limit-window.js';
import { injectClient } from '../testing/inject-client.js';
import { OPEN_RESOURCE, RESOURCE, TOKEN_ONLY } from './access.js';
import { zeroCallCounters } from './call-counters.js';
import { registerControlRoutes } from './control-routes.js';
import { type GuardDialect, registerRequestGuard } from './request-guard.js';
import { createSimApp } from './sim-app.js';

/** A toy provider: `Token <t>`, answers `{ said }` with the status, so tests see which rule answered. */
const say = (reply: FastifyReply, status: number, said: string) => reply.code(status).send({ said });
const dialect: GuardDialect = {
  readCredential: (request) => /^Token (\S+)$/.exec(request.headers.authorization ?? '')?.[1],
  missingCredential: (_request, reply) => say(reply, 400, 'missing'),
  badCredential: (_request, reply) => say(reply, 401, 'bad'),
  rateLimited: (_request, reply, reading) => say(reply, 429, `limited until ${reading.resetSeconds}s`),
  serverError: (_request, reply, status) => say(reply, status, 'burst'),
  rateLimitHeaders: (reply, reading) => {
    reply.header('x-left', String(reading.remaining));
  },
};

function setup(limit = 0) {
  const tokens = new TokenStore();
  tokens.add(tokenRecord('good', Date.now(), 3600));
  const budget = new RateLimitWindow(limit, 60_000);
  const faults = new Faults('minute_budget', tokens, budget);
  const counters = zeroCallCounters();
  const app = createSimApp({ logger: false });
  registerRequestGuard(
    app,
    { counters, tokens, budget, faults, latencyMs: 0, now: () => Date.now() },
    dialect,
  );
  registerControlRoutes(app, { faults, summary: () => ({ counters }), reseed: () => {} });
  app.get('/resource', RESOURCE, async () => ({ ok: true }));
  app.get('/open', OPEN_RESOURCE, async () => ({ ok: true }));
  app.get('/status', TOKEN_ONLY, async () => ({ ok: true }));
  app.get('/free', async () => ({ ok: true }));
  return { app, faults, counters, client: injectClient(app, { authorization: 'Token good' }) };
}

describe('registerRequestGuard', () => {
  let close: () => Promise<void>;
  afterEach(() => close());

  it('checks storm, burst, credential and budget in that order, in the dialect’s words', async () => {
    const { app, faults, counters, client } = setup(1);
    close = () => app.close();
    faults.set({ rate_limit_storm: { count: 1, reset_seconds: 9 }, error_burst: { count: 1, status: 502 } });
    // Storms and bursts come before authentication, like a proxy in front of the API.
    expect((await client.get('/resource', {})).json()).toEqual({ said: 'limited until 9s' });
    expect((await client.get('/resource', {})).json()).toEqual({ said: 'burst' });
    expect((await client.get('/resource', {})).json()).toEqual({ said: 'missing' });
    expect((await client.get('/resource', { authorization: 'Token nope' })).json()).toEqual({ said: 'bad' });
    const allowed = await client.get('/resource');
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['x-left']).toBe('0');
    expect((await client.get('/resource')).statusCode).toBe(429);
    expect(counters).toMatchObject({ rateLimited: 2, injectedErrors: 1, unauthorized: 2 });
    expect(counters.calls['GET /resource']).toBe(6);
  });

  it('lets open resources through without a token and charges nothing for token-only routes', async () => {
    const { app, client } = setup(1);
    close = () => app.close();
    expect((await client.get('/open', {})).statusCode).toBe(200);
    expect((await client.get('/status')).statusCode).toBe(200);
    expect((await client.get('/status')).statusCode).toBe(200);
    expect((await client.get('/free', {})).statusCode).toBe(200);
    expect((await client.get('/resource')).statusCode).toBe(200);
  });

  it('expires a token after N calls and serves the control routes unguarded', async () => {
    const { app, client } = setup();
    close = () => app.close();
    const set = await client.send('POST', '/__sim/faults', { expire_tokens_after_calls: 1 }, {});
    expect(set.json()).toMatchObject({ expire_tokens_after_calls: 1, minute_budget: 0 });
    expect((await client.get('/resource')).statusCode).toBe(200);
    expect((await client.get('/resource')).json()).toEqual({ said: 'bad' });
    const refused = await client.send('POST', '/__sim/faults', { nope: 1 }, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'SB_ERR_SIM_FAULTS_INVALID' });
  });
});
