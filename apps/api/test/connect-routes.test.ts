import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ConnectHarness, startConnectHarness } from './connect-harness.js';

const GOOD = { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' };

let h: ConnectHarness;

beforeAll(async () => {
  h = await startConnectHarness((app) => {
    // A route of "the rest of the app": it must keep its JSON parser and never gain the form parser.
    app.post('/echo', async (request) => ({ body: request.body }));
  });
});
afterAll(async () => {
  await h?.close();
});

interface OpenedForm {
  status: number;
  body: string;
  headers: Record<string, unknown>;
  csrf: string;
  cookie: string;
}

async function openForm(token: string, query = ''): Promise<OpenedForm> {
  const response = await h.app.inject({ method: 'GET', url: `/connect/${token}${query}` });
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  const setCookie = String(response.headers['set-cookie'] ?? '');
  return {
    status: response.statusCode,
    body: response.body,
    headers: response.headers,
    csrf,
    cookie: setCookie.split(';')[0] ?? '',
  };
}

function submit(token: string, fields: Record<string, string>, auth: { csrf?: string; cookie?: string }) {
  const form = new URLSearchParams(fields);
  if (auth.csrf !== undefined) form.set('csrf_token', auth.csrf);
  return h.app.inject({
    method: 'POST',
    url: `/connect/${token}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(auth.cookie === undefined ? {} : { cookie: auth.cookie }),
    },
    payload: form.toString(),
  });
}

function inputValue(body: string, name: string): string | undefined {
  const input = new RegExp(`<input id="field-${name}"[^>]*>`).exec(body)?.[0];
  return input === undefined ? undefined : /value="([^"]*)"/.exec(input)?.[1];
}

describe('GET /connect/:link_token', () => {
  it('renders the declared fields: labels, help, prefix/suffix, a password input for the secret', async () => {
    const form = await openForm(await h.linkToken());
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(form.body).toContain('Connect your OneLogin account');
    for (const label of ['Subdomain', 'Client ID', 'Client secret'])
      expect(form.body).toContain(`>${label}</label>`);
    expect(form.body).toContain('The part before .onelogin.com');
    expect(form.body).toContain('<span class="affix prefix" id="field-subdomain-prefix">https://</span>');
    expect(form.body).toContain(
      '<span class="affix suffix" id="field-subdomain-suffix">.onelogin.com</span>',
    );
    expect(form.body).toMatch(/name="client_secret" type="password"/);
    expect(form.body).toMatch(/name="client_id" type="text"/);
    expect(form.body).toContain('Reference: <span class="tenant">customer-42</span>');
  });

  it('sends a strict CSP and the anti-framing, no-referrer, no-store headers', async () => {
    const form = await openForm(await h.linkToken());
    const csp = String(form.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(form.headers['x-frame-options']).toBe('DENY');
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).not.toMatch(/<script(?![^>]*\ssrc=)/);
  });

  it('sets the CSRF cookie HttpOnly, SameSite=Strict, scoped to the page', async () => {
    const token = await h.linkToken();
    const form = await openForm(token);
    const cookie = String(form.headers['set-cookie']);
    expect(cookie).toContain(`Path=/connect/${token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(form.csrf).not.toBe('');
  });

  it('escapes a tenant id carrying markup', async () => {
    const form = await openForm(await h.linkToken({ tenantId: '<script>alert(1)</script>' }));
    expect(form.body).not.toContain('<script>alert(1)</script>');
    expect(form.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps only a well-formed opener origin', async () => {
    const token = await h.linkToken();
    const good = await openForm(token, `?origin=${encodeURIComponent('https://app.example.com')}`);
    expect(good.body).toContain('name="origin" value="https://app.example.com"');
    const bad = await openForm(token, `?origin=${encodeURIComponent('javascript:alert(1)')}`);
    expect(bad.body).not.toContain('name="origin"');
  });

  it('answers a friendly 404 page for a malformed token and 410 for an unknown one', async () => {
    const malformed = await h.app.inject({ method: 'GET', url: '/connect/not-a-token' });
    expect(malformed.statusCode).toBe(404);
    expect(malformed.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(malformed.body).toContain('This link does not exist');
    const unknown = await h.app.inject({ method: 'GET', url: `/connect/lt_${'x'.repeat(43)}` });
    expect(unknown.statusCode).toBe(410);
    expect(unknown.body).toContain('This link has expired or was already used');
  });

  it('answers 410 for an expired token', async () => {
    const token = await h.linkToken({ ttlSeconds: 60 });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      const response = await h.app.inject({ method: 'GET', url: `/connect/${token}` });
      expect(response.statusCode).toBe(410);
      expect(response.body).toContain('expired or was already used');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('POST /connect/:link_token', () => {
  it('shows the upstream refusal, keeps non-secret values and clears the secret', async () => {
    const token = await h.linkToken();
    const form = await openForm(token);
    const response = await submit(token, { ...GOOD, client_secret: 'wrong-secret' }, form);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('OneLogin did not accept these credentials');
    expect(inputValue(response.body, 'subdomain')).toBe('acme');
    expect(inputValue(response.body, 'client_id')).toBe('sim-client-id');
    expect(inputValue(response.body, 'client_secret')).toBe('');
    expect(response.body).not.toContain('wrong-secret');
    // The token is still usable, and the re-rendered form carries a fresh CSRF pair.
    const retry = await submit(token, GOOD, {
      csrf: /name="csrf_token" value="([^"]+)"/.exec(response.body)?.[1] ?? '',
      cookie: String(response.headers['set-cookie']).split(';')[0] ?? '',
    });
    expect(retry.statusCode).toBe(200);
  });

  it('shows field problems next to their fields without calling the upstream', async () => {
    const token = await h.linkToken();
    const form = await openForm(token);
    const before = h.sim.state.counters.totalCalls;
    const response = await submit(
      token,
      { subdomain: 'not a subdomain!', client_id: '', client_secret: 'x' },
      form,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(
      /id="field-subdomain-error"[^>]*>Subdomain does not have the expected format/,
    );
    expect(response.body).toMatch(/id="field-client_id-error"[^>]*>Client ID is required\./);
    expect(inputValue(response.body, 'subdomain')).toBe('not a subdomain!');
    expect(h.sim.state.counters.totalCalls).toBe(before);
  });

  it('creates the account, spends the token and posts the id to the opener', async () => {
    const token = await h.linkToken({ tenantId: 'customer-7' });
    const form = await openForm(token, `?origin=${encodeURIComponent('https://app.example.com')}`);
    const response = await submit(token, { ...GOOD, origin: 'https://app.example.com' }, form);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    const accountId = /data-account-id="([^"]+)"/.exec(response.body)?.[1] ?? '';
    expect(accountId).toMatch(/^ia_/);
    expect(response.body).toContain('data-target-origin="https://app.example.com"');

    const account = await h.store.accounts.getWithSecrets(h.environment.id, accountId);
    expect(account).toMatchObject({
      integration: 'onelogin',
      tenant_id: 'customer-7',
      status: 'active',
      connection: { subdomain: 'acme', client_id: 'sim-client-id' },
      secrets: { client_secret: 'sim-client-secret' },
    });

    const again = await submit(token, GOOD, form);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('expired or was already used');
    expect((await openForm(token)).status).toBe(410);
  });

  it('redirects to redirect_url with the account id, and lets the form post there', async () => {
    const redirectUrl = 'https://app.example.com/connected?step=2';
    const token = await h.linkToken({ redirectUrl });
    const form = await openForm(token);
    expect(String(form.headers['content-security-policy'])).toContain(
      "form-action 'self' https://app.example.com;",
    );
    const response = await submit(token, GOOD, form);
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe('https://app.example.com/connected');
    expect(location.searchParams.get('step')).toBe('2');
    const accountId = location.searchParams.get('integrated_account_id') ?? '';
    expect(await h.store.accounts.get(h.environment.id, accountId)).toBeDefined();
  });

  it.each([
    ['no CSRF field', (form: OpenedForm) => ({ cookie: form.cookie })],
    ['no cookie', (form: OpenedForm) => ({ csrf: form.csrf })],
    ['a wrong CSRF field', (form: OpenedForm) => ({ csrf: `${form.csrf}x`, cookie: form.cookie })],
  ])('refuses %s with a 403 page and creates nothing', async (_name, auth) => {
    const token = await h.linkToken({ tenantId: 'csrf-case' });
    const form = await openForm(token);
    const response = await submit(token, GOOD, auth(form));
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(response.body).toContain(`href="${token}"`);
    expect(await h.store.accounts.list(h.environment.id, { limit: 10, tenantId: 'csrf-case' })).toEqual([]);
    expect((await openForm(token)).status).toBe(200);
  });

  it('refuses the CSRF pair of another link token', async () => {
    const [first, second] = [await h.linkToken(), await h.linkToken()];
    const form = await openForm(first);
    const response = await submit(second, GOOD, form);
    expect(response.statusCode).toBe(403);
  });

  it('answers an HTML 415 page to a JSON post', async () => {
    const token = await h.linkToken();
    const response = await h.app.inject({
      method: 'POST',
      url: `/connect/${token}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(GOOD),
    });
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('could not be read');
  });

  it('keeps the form parser inside the plugin', async () => {
    const json = await h.app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(json.json()).toEqual({ body: { a: 1 } });
    const form = await h.app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(form.statusCode).toBe(415);
  });
});

describe('static files', () => {
  it('serves /connect.js for embedding, with validators', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/connect.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.body).toContain('Switchboard');
    const cached = await h.app.inject({
      method: 'GET',
      url: '/connect.js',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(cached.statusCode).toBe(304);
  });

  it('serves the page assets the form links to', async () => {
    const form = await openForm(await h.linkToken());
    const links = [...form.body.matchAll(/(?:href|src)="(assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(links).toHaveLength(2);
    for (const link of links) {
      const response = await h.app.inject({ method: 'GET', url: `/connect/${link}` });
      expect(response.statusCode, link).toBe(200);
      expect(response.headers['cache-control']).toContain('immutable');
    }
  });
});

describe('when the store is down', () => {
  it('answers a friendly 503 page, not JSON or a stack trace', async () => {
    const down = await startConnectHarness();
    const token = await down.linkToken();
    await down.store.close();
    try {
      const response = await down.app.inject({ method: 'GET', url: `/connect/${token}` });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.body).toContain('The service is temporarily unavailable');
      expect(response.body).not.toMatch(/SB_ERR|at .*\.ts:\d+/);
    } finally {
      await down.close();
    }
  });
});
