import { describe, expect, it } from 'vitest';
import { account, unified, useAcme } from '../support/acme-engine.js';

const acme = useAcme();
const roles = unified('roles');
const proxy = { integration: 'acme', account: account(), resource: 'builtin_roles' } as const;
const CODES = ['OWNER', 'ADMIN', 'VIEWER', 'BILLING', 'AUDITOR'];

describe('static resources', () => {
  it('routes a get by the shape of its id: a code is read from the file, with no upstream call', async () => {
    const { record } = await acme.engine.get({ ...roles, id: 'ADMIN' });
    expect(record).toEqual({
      id: 'ADMIN',
      name: 'Administrator',
      description: 'Built in',
      remote_data: { code: 'ADMIN', label: 'Administrator' },
    });
    expect(acme.upstream.requests).toEqual([]);
  });

  it('sends a numeric id upstream as before', async () => {
    const { record } = await acme.engine.get({ ...roles, id: '103' });
    expect(record).toMatchObject({ id: '103', name: 'Role 3' });
    expect(acme.upstream.calls('/v1/roles/103')).toHaveLength(1);
  });

  it('answers RecordNotFound for a code the file does not list', async () => {
    await expect(acme.engine.get({ ...roles, id: 'NOPE' })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_RECORD_NOT_FOUND',
    });
  });

  it.each([1, 2, 3, 5])('lists through the proxy, paged like any list (limit %i)', async (limit) => {
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await acme.engine.proxy({ ...proxy, method: 'GET', limit, ...(cursor ? { cursor } : {}) });
      if (page.kind !== 'list') throw new Error('expected a list');
      expect(page.result.length).toBeLessThanOrEqual(limit);
      seen.push(...page.result.map((r) => (r as { code: string }).code));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(CODES);
  });

  it('gets one through the proxy, and refuses writes', async () => {
    await expect(acme.engine.proxy({ ...proxy, method: 'GET', id: 'OWNER' })).resolves.toMatchObject({
      kind: 'single',
      body: { code: 'OWNER', label: 'Owner' },
    });
    await expect(acme.engine.proxy({ ...proxy, method: 'GET', id: 'X' })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_RECORD_NOT_FOUND',
    });
    await expect(acme.engine.proxy({ ...proxy, method: 'DELETE', id: 'OWNER' })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_UNSUPPORTED_OPERATION',
    });
  });
});
