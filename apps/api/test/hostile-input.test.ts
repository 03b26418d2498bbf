/**
 * Malformed and hostile requests against every route: none may produce a 500, every refusal must have the
 * contract's error shape, and nothing may be lost from the store.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CONNECTION, type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let owner: Tenant;
let stranger: Tenant;
let account: string;
let spare: string;
let foreignAccount: string;
let foreignCursor: string;
let userId: string;

beforeAll(async () => {
  stack = await startStack({ simulator: { users: 12, hourlyBudget: 0 } });
  owner = await stack.tenant();
  stranger = await stack.tenant();
  account = await stack.link(owner);
  spare = await stack.link(owner);
  foreignAccount = await stack.link(stranger);
  const page = await stack.inject({
    url: `/unified/user-directory/users?integrated_account_id=${foreignAccount}&limit=2`,
    headers: stranger.headers,
  });
  foreignCursor = page.json().next_cursor;
  userId = page.json().result[0].id;
}, 60_000);

afterAll(async () => {
  await stack.close();
});

/** Every route, with `{account}`, `{id}` and `{resource}` placeholders. */
const ROUTES: [string, string][] = [
  ['GET', '/health'],
  ['GET', '/openapi.json'],
  ['GET', '/integrations'],
  ['POST', '/admin/environments'],
  ['POST', '/admin/environments/{id}/api-keys'],
  ['DELETE', '/admin/api-keys/{id}'],
  ['POST', '/integrated-accounts'],
  ['GET', '/integrated-accounts'],
  ['GET', '/integrated-accounts/{account}'],
  ['PATCH', '/integrated-accounts/{account}'],
  ['GET', '/integrated-accounts/{account}/capabilities'],
  ['POST', '/link-tokens'],
  ['GET', '/unified/user-directory/users'],
  ['GET', '/unified/user-directory/users/{id}'],
  ['POST', '/unified/user-directory/users'],
  ['PATCH', '/unified/user-directory/users/{id}'],
  ['DELETE', '/unified/user-directory/users/{id}'],
  ['GET', '/unified/user-directory/groups'],
  ['GET', '/unified/user-directory/roles/{id}'],
  ['POST', '/unified/user-directory/roles'],
  ['POST', '/unified/user-directory/role_assignments'],
  ['GET', '/unified/user-directory/activities'],
  ['GET', '/unified/user-directory/nope'],
  ['GET', '/unified/nope/users'],
  ['GET', '/proxy/{resource}'],
  ['POST', '/proxy/{resource}'],
  ['GET', '/proxy/{resource}/{id}'],
  ['PUT', '/proxy/{resource}/{id}'],
  ['DELETE', '/proxy/{resource}/{id}'],
  ['GET', '/passthrough/api/2/users'],
  ['POST', '/passthrough/api/2/roles'],
  ['GET', '/does/not/exist'],
  ['GET', '/connect/{id}'],
  ['POST', '/connect/{id}'],
  ['GET', '/connect.js'],
];

const MEGABYTE = 'x'.repeat(1024 * 1024);

interface Variant {
  name: string;
  apply(request: { method: string; url: string }): InjectOptions;
}

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function fill(template: string, values: { account: string; id: string; resource: string }): string {
  return template
    .replace('{account}', values.account)
    .replace('{id}', values.id)
    .replace('{resource}', values.resource);
}

const VARIANTS: Variant[] = [
  {
    name: 'invalid JSON',
    apply: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, payload: '{"a":' }),
  },
  {
    name: 'JSON array',
    apply: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, payload: '[1,2]' }),
  },
  {
    name: 'JSON null',
    apply: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, payload: 'null' }),
  },
  {
    name: 'JSON string',
    apply: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, payload: '"x"' }),
  },
  {
    name: 'prototype poisoning',
    apply: (r) => ({
      ...r,
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    }),
  },
  {
    name: 'text/plain',
    apply: (r) => ({ ...r, headers: { 'content-type': 'text/plain' }, payload: 'hello' }),
  },
  {
    name: 'form body',
    apply: (r) => ({
      ...r,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=b',
    }),
  },
  { name: 'xml', apply: (r) => ({ ...r, headers: { 'content-type': 'application/xml' }, payload: '<a/>' }) },
  {
    name: 'garbage content type',
    apply: (r) => ({ ...r, headers: { 'content-type': ';;;/' }, payload: '{}' }),
  },
  {
    name: 'body over 1 MB',
    apply: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, payload: `{"a":"${MEGABYTE}"}` }),
  },
  {
    name: 'deeply nested JSON',
    apply: (r) => ({
      ...r,
      headers: { 'content-type': 'application/json' },
      payload: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    }),
  },
  {
    name: 'unknown fields',
    apply: (r) => ({
      ...r,
      payload: { integration: 'onelogin', tenant_id: 't', connection: SIM_CONNECTION, extra: 1, name: 'x' },
    }),
  },
  {
    name: 'wrong types',
    apply: (r) => ({
      ...r,
      payload: { integration: 1, tenant_id: [], connection: 'x', name: {}, username: 5 },
    }),
  },
  { name: 'negative limit', apply: (r) => ({ ...r, url: withQuery(r.url, 'limit=-1') }) },
  { name: 'huge limit', apply: (r) => ({ ...r, url: withQuery(r.url, 'limit=99999999999999999999') }) },
  { name: 'fractional limit', apply: (r) => ({ ...r, url: withQuery(r.url, 'limit=2.5') }) },
  {
    name: 'repeated parameters',
    apply: (r) => ({ ...r, url: withQuery(r.url, 'limit=1&limit=2&email=a&email=b') }),
  },
  {
    name: 'forged cursor',
    apply: (r) => ({ ...r, url: withQuery(r.url, 'next_cursor=eyJ2IjoxfQ.Zm9yZ2Vk') }),
  },
  {
    name: 'foreign cursor',
    apply: (r) => ({ ...r, url: withQuery(r.url, `next_cursor=${encodeURIComponent(foreignCursor)}`) }),
  },
  {
    name: 'unknown filter',
    apply: (r) => ({ ...r, url: withQuery(r.url, 'shoe_size=42&remote_query[x]=1') }),
  },
  {
    name: 'proto query keys',
    apply: (r) => ({ ...r, url: withQuery(r.url, '__proto__[x]=1&constructor=1&toString=2') }),
  },
  {
    name: 'bad response_format',
    apply: (r) => ({ ...r, url: withQuery(r.url, 'response_format=xml&remote_data=maybe') }),
  },
  { name: '1 MB query string', apply: (r) => ({ ...r, url: withQuery(r.url, `email=${MEGABYTE}`) }) },
  {
    name: 'many query keys',
    apply: (r) => ({
      ...r,
      url: withQuery(r.url, Array.from({ length: 5000 }, (_, i) => `k${i}=v`).join('&')),
    }),
  },
  { name: 'bad percent-encoding', apply: (r) => ({ ...r, url: withQuery(r.url, 'email=%E0%A4%A') }) },
];

const ACCOUNT_SLOTS: { name: string; value: () => string | undefined }[] = [
  { name: 'own account', value: () => account },
  { name: 'missing account id', value: () => undefined },
  { name: 'foreign account', value: () => foreignAccount },
  { name: 'unknown account', value: () => 'ia_0000000000000000000000000' },
  { name: 'huge account id', value: () => 'ia_'.padEnd(5000, 'x') },
];

function request(
  method: string,
  template: string,
  slot: string | undefined,
): { method: string; url: string } {
  const url = fill(template, { account: slot ?? 'ia_missing', id: userId, resource: 'users' });
  const needsAccount = /^\/(unified|proxy|passthrough)\//.test(template);
  return {
    method,
    url: needsAccount && slot !== undefined ? withQuery(url, `integrated_account_id=${slot}`) : url,
  };
}

function check(response: LightMyRequestResponse, label: string, passthrough: boolean): void {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).not.toBe(500);
  expect(response.statusCode, label).toBeLessThan(600);
  if (response.statusCode < 400) return;
  let body: Record<string, unknown>;
  try {
    body = response.json();
  } catch {
    if (passthrough) return; // an upstream body, passed through as it came
    throw new Error(`${label}: not JSON: ${response.body.slice(0, 200)}`);
  }
  if (passthrough && typeof body['code'] !== 'string') return;
  expect(body, label).toEqual(
    expect.objectContaining({
      statusCode: response.statusCode,
      code: expect.stringMatching(/^SB_ERR_[A-Z0-9_]+$/),
      error: expect.any(String),
      message: expect.any(String),
      details: expect.any(Object),
    }),
  );
  expect(response.body, label).not.toContain(SIM_CONNECTION.client_secret);
  expect(response.body, label).not.toContain(MEGABYTE.slice(0, 4096));
}

describe('hostile input', () => {
  it('never answers 500, always answers refusals in the error shape', async () => {
    let sent = 0;
    const send = async (
      options: InjectOptions,
      headers: Record<string, string>,
      label: string,
      passthrough: boolean,
    ) => {
      const response = await stack.inject({
        ...options,
        headers: { ...headers, ...(options.headers as Record<string, string> | undefined) },
      });
      check(response, label, passthrough);
      sent += 1;
    };
    const few = VARIANTS.filter((variant) =>
      ['invalid JSON', 'unknown fields', 'negative limit', 'forged cursor'].includes(variant.name),
    );
    for (const [method, template] of ROUTES) {
      // Passthrough answers are the upstream's; connect pages answer HTML to humans. Neither may 500.
      const passthrough = template.startsWith('/passthrough') || template.startsWith('/connect');
      const rightful = template.startsWith('/admin') ? stack.admin : owner.headers;
      const usesAccount = /\{account\}|^\/(unified|proxy|passthrough)\//.test(template);
      for (const slot of usesAccount ? ACCOUNT_SLOTS : ACCOUNT_SLOTS.slice(0, 1)) {
        const base = request(method, template, slot.value());
        const own = slot === ACCOUNT_SLOTS[0];
        for (const variant of own ? VARIANTS : few) {
          await send(
            variant.apply(base),
            rightful,
            `${method} ${template} [${slot.name}] [${variant.name}]`,
            passthrough,
          );
        }
      }
      const base = request(method, template, account);
      for (const [who, headers] of [
        ['stranger', stranger.headers],
        ['anonymous', {}],
        ['wrong scheme', { authorization: 'Basic Zm9vOmJhcg==' }],
      ] as const) {
        for (const variant of few) {
          await send(
            variant.apply(base),
            headers,
            `${method} ${template} [${who}] [${variant.name}]`,
            passthrough,
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
  }, 300_000);

  it.each([
    '/passthrough/%2e%2e/%2e%2e/etc/passwd',
    '/passthrough/api/2/users%2f..%2f..%2fadmin',
    '/passthrough/https:%2f%2fevil.example',
    '/passthrough/@evil.example',
    '/passthrough/api/2/users%0d%0aX-Evil:%201',
    '/passthrough/api%252f2',
    '/proxy/..%2f..%2fauth',
    '/proxy/users/..%2f..%2fauth',
    '/proxy/users/%2e%2e',
    '/proxy/users/a%0d%0ab',
    '/unified/user-directory/users/..%2f..%2fapi',
    '/unified/user-directory/users/%00',
  ])('refuses path trick %s without a 500', async (path) => {
    const response = await stack.inject({
      url: withQuery(path, `integrated_account_id=${account}`),
      headers: owner.headers,
    });
    check(response, path, false);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('lets exactly one of many concurrent deletes of an account win', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.inject({ method: 'DELETE', url: `/integrated-accounts/${spare}`, headers: owner.headers }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(19);
    for (const response of responses) check(response, 'concurrent delete', false);
  });

  it('lost nothing from the store', async () => {
    const own = await stack.inject({ url: '/integrated-accounts', headers: owner.headers });
    expect(own.json().result.map((item: { id: string }) => item.id)).toEqual([account]);
    const theirs = await stack.inject({ url: '/integrated-accounts', headers: stranger.headers });
    expect(theirs.json().result.map((item: { id: string }) => item.id)).toEqual([foreignAccount]);
    const stillWorks = await stack.inject({
      url: `/unified/user-directory/users?integrated_account_id=${account}&limit=1`,
      headers: owner.headers,
    });
    expect(stillWorks.statusCode).toBe(200);
    const full = await stack.inject({ url: `/integrated-accounts/${account}`, headers: owner.headers });
    expect(full.json()).toMatchObject({ status: 'active', connection: { subdomain: 'acme' } });
  });
});
