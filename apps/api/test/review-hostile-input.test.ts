/**
 * Inputs the security review (issue 16) found answering 500, retried 502s or silently unfiltered lists: each must
 * be a located 4xx with the contract's error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, SIM_CONNECTION, type Stack, startStack, type Tenant } from './stack.js';

let stack: Stack;
let owner: Tenant;
let account: string;

beforeAll(async () => {
  stack = await startStack({ simulator: { users: 3 } });
  owner = await stack.tenant();
  account = await stack.link(owner);
}, 60_000);

afterAll(async () => {
  await stack.close();
});

describe('ids the upstream cannot resolve', () => {
  it('DELETE of a role assignment with a malformed id answers 404, not 500', async () => {
    const response = await stack.inject({
      method: 'DELETE',
      url: `/unified/user-directory/role_assignments/5:?integrated_account_id=${account}`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(errorBody(response).code).toMatch(/NOT_FOUND/);
  });
});

describe('control characters in connection fields', () => {
  it.each([
    ['CR/LF', 'sim-client-id\r\nx-injected: 1'],
    ['NUL', 'sim-client-id\u0000'],
    ['U+2028', 'sim-client-id\u2028'],
  ])('a %s in a field answers 400 naming the field', async (_name, value) => {
    const response = await stack.inject({
      method: 'POST',
      url: '/integrated-accounts',
      headers: owner.headers,
      payload: {
        integration: 'onelogin',
        tenant_id: 't',
        connection: { ...SIM_CONNECTION, client_id: value },
      },
    });
    expect(response.statusCode).toBe(400);
    const body = errorBody(response);
    expect(body.details).toMatchObject({ problems: [{ field: 'client_id' }] });
    expect(response.body).not.toContain('x-injected');
  });
});

describe('prototype keys in query strings', () => {
  it.each([
    '/unified/user-directory/users?__proto__=x',
    '/unified/user-directory/users?remote_query%5B__proto__%5D=x',
    '/unified/user-directory/users?remote_query[__proto__]=x',
    '/proxy/users?__proto__=x',
  ])('%s answers 400 naming the parameter instead of an unfiltered list', async (url) => {
    const response = await stack.inject({
      method: 'GET',
      url: `${url}&integrated_account_id=${account}`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(errorBody(response).message).toContain('__proto__');
  });
});

describe('passthrough answers in a browser', () => {
  it('carry nosniff and a sandboxing CSP, whatever the upstream sent', async () => {
    const response = await stack.inject({
      method: 'GET',
      url: `/passthrough/api/2/users?integrated_account_id=${account}`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toMatch(/^sandbox; default-src 'none'/);
  });
});
