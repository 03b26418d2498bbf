/**
 * The unified model's own rules, enforced by the engine from the model's single definition in
 * @switchboard/schema: filter values the model cannot hold are refused before any upstream call, and write-only
 * fields (`password`) are never echoed back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { loadIntegrationFile } from '../../src/config/load-integration.js';
import { createEngine } from '../../src/run/create-engine.js';
import { CURSOR_SECRET, NOW, unified, useAcme, users } from '../support/acme-engine.js';

const acme = useAcme();

describe('filter values', () => {
  it('refuses a status outside the unified enum, naming the allowed values, before calling the upstream', async () => {
    await expect(acme.engine.list({ ...users, filters: { status: 'disabled' } })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      message: 'filter status must be one of active, invited, suspended, locked, deleted',
      details: { filters: { status: expect.stringContaining('active, invited') } },
    });
    expect(acme.upstream.requests).toHaveLength(0);
  });

  it('refuses a time bound that is not an ISO-8601 date-time with a time zone', async () => {
    await expect(
      acme.engine.list({ ...users, filters: { 'updated_at[gte]': 'last tuesday' } }),
    ).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      details: { filters: { 'updated_at[gte]': expect.stringContaining('ISO-8601 date-time') } },
    });
    expect(acme.upstream.requests).toHaveLength(0);
  });

  it('lets a valid value through to the upstream', async () => {
    const page = await acme.engine.list({ ...users, filters: { status: 'suspended' }, limit: 50 });
    expect(page.result.length).toBeGreaterThan(0);
    expect(acme.upstream.calls('/v1/people')).toHaveLength(1);
  });

  it('still answers UnsupportedFilter first for a filter the integration cannot apply', async () => {
    await expect(
      acme.engine.list({ ...unified('users'), filters: { username: 'not checked' } }),
    ).rejects.toMatchObject({ code: 'SB_ERR_RUN_UNSUPPORTED_FILTER' });
  });
});

describe('write-only fields', () => {
  const ECHO_YAML = `schema_version: 1
name: echo
label: Echo
connection:
  tenant: { type: string, label: Tenant }
base_url: https://echo.test/api
auth: { type: none }
resources:
  users:
    create: { method: POST, path: /users }
unified:
  user-directory:
    users:
      create:
        resource: users
        body: '{ "login": username, "initial_password": password }'
        response: '{ "id": $string(id) }'
        result: body
`;

  afterEach(() => nock.cleanAll());

  it('echoes a created user without the password it was sent, while the upstream did get it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-echo-'));
    writeFileSync(join(dir, 'echo.yaml'), ECHO_YAML);
    const engine = createEngine({
      integrations: [await loadIntegrationFile(join(dir, 'echo.yaml'))],
      cursorSecret: CURSOR_SECRET,
      clock: () => NOW,
    });
    let sent: unknown;
    nock('https://echo.test')
      .post('/api/users', (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 7 });
    try {
      const { record } = await engine.create({
        integration: 'echo',
        account: { id: 'acct-echo', connection: { tenant: 't1' } },
        model: 'user-directory',
        resource: 'users',
        body: { username: 'ann', password: 'Tr0ub4dor&3' },
      });
      expect(sent).toEqual({ login: 'ann', initial_password: 'Tr0ub4dor&3' });
      expect(record).toMatchObject({ id: '7', username: 'ann' });
      expect(record).not.toHaveProperty('password');
      expect(JSON.stringify(record)).not.toContain('Tr0ub4dor');
    } finally {
      await engine.close();
    }
  });
});
