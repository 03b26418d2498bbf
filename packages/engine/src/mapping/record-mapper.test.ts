import { describe, expect, it } from 'vitest';
import { compileYaml } from '../../test/support/compile-yaml.js';
import { createRecordMapper, type MappingBindings } from './record-mapper.js';

function integrationWith(response: string) {
  return compileYaml(
    `name: acme
unified:
  user-directory:
    users:
      list:
        resource: people
        response: ${JSON.stringify(response)}
`,
    'acme.yaml',
    { timeoutMs: 100, maxDepth: 200, maxSequence: 1_000_000 },
  );
}

const bindings = (): MappingBindings => ({
  record: undefined,
  body: { total: 2 },
  headers: { 'x-tenant': 't1' },
  query: { status: 'active' },
  parent: { id: 'p1' },
  connection: { subdomain: 'acme' },
  now: '2026-01-02T03:04:05.000Z',
});

async function map(response: string, records: unknown[], options: { remoteData?: boolean } = {}) {
  const integration = integrationWith(response);
  const mapper = createRecordMapper({
    site: {
      integration,
      pointer: '/unified/user-directory/users/list/response',
      what: 'users.list response',
    },
    ...options,
  });
  const out: Record<string, unknown>[] = [];
  const shared = bindings();
  for (const record of records) await mapper.mapInto(record, shared, out);
  return out;
}

describe('record mapping', () => {
  it('maps with every binding and adds remote_data', async () => {
    const out = await map(
      '{ "id": $string(id), "r": $record.id, "t": $body.total, "h": $headers."x-tenant", "q": $query.status, "p": $parent.id, "c": $connection.subdomain, "n": $now }',
      [{ id: 7 }],
    );
    expect(out).toEqual([
      {
        id: '7',
        r: 7,
        t: 2,
        h: 't1',
        q: 'active',
        p: 'p1',
        c: 'acme',
        n: '2026-01-02T03:04:05.000Z',
        remote_data: { id: 7 },
      },
    ]);
  });

  it('flat-maps arrays and drops null and undefined', async () => {
    const out = await map('kind = "drop" ? null : kind = "none" ? nothing : roles.{ "id": $string($) }', [
      { kind: 'many', roles: [1, 2] },
      { kind: 'drop' },
      { kind: 'none' },
      { kind: 'one', roles: [3] },
    ]);
    expect(out.map((r) => r['id'])).toEqual(['1', '2', '3']);
  });

  it('omits remote_data when asked and never lets the YAML set it', async () => {
    expect(await map('{ "id": id, "remote_data": "forged" }', [{ id: 1 }], { remoteData: false })).toEqual([
      { id: 1 },
    ]);
    expect(await map('{ "id": id, "remote_data": "forged" }', [{ id: 1 }])).toEqual([
      { id: 1, remote_data: { id: 1 } },
    ]);
  });

  it('copies a record mapped as itself so remote_data is not circular', async () => {
    const [out] = await map('$', [{ id: 1 }]);
    expect(out).toEqual({ id: 1, remote_data: { id: 1 } });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('returns plain arrays, not JSONata sequences', async () => {
    const [out] = await map('{ "ids": [ids.$string($)] }', [{ ids: [1, 2] }]);
    expect(Object.keys(out?.['ids'] as object)).toEqual(['0', '1']);
  });

  it('names the location and the upstream record id when a mapping throws', async () => {
    await expect(map('$error("bad status " & status)', [{ id: 42, status: 9 }])).rejects.toMatchObject({
      code: 'SB_ERR_MAPPING_FAILED',
      message: expect.stringMatching(
        /acme users\.list response.*bad status 9 at acme\.yaml:7:\d+ \(upstream record 42\)/,
      ),
      details: {
        integration: 'acme',
        location: expect.stringMatching(/^acme\.yaml:7:\d+$/),
        pointer: '/unified/user-directory/users/list/response',
        record_id: '42',
      },
    });
  });

  it('stops a mapping that never ends with the time guardrail', async () => {
    await expect(
      map('( $loop := function($n) { $loop($n + 1) }; $loop(0) )', [{ id: 1 }]),
    ).rejects.toMatchObject({
      code: 'SB_ERR_MAPPING_FAILED',
      details: { jsonata_code: expect.stringMatching(/^D101[12]$/) },
    });
  });

  it('never adds remote_data to a part of the upstream record a mapping returns', async () => {
    const record = { id: 1, profile: { name: 'Ann', tags: ['a'] } };
    for (const response of [
      'profile',
      'id = 1 ? profile : { "name": "x" }',
      '{ "p": profile, "n": profile.name }',
    ]) {
      const out = await map(response, [record]);
      expect(out[0]?.['remote_data']).toBe(record);
    }
    expect(record).toEqual({ id: 1, profile: { name: 'Ann', tags: ['a'] } });
  });

  it('maps synchronously when the expression is compiled, with the same output', async () => {
    const integration = integrationWith('{ "id": $string(id), "tags": tags[$ != ""] }');
    const mapper = createRecordMapper({
      site: {
        integration,
        pointer: '/unified/user-directory/users/list/response',
        what: 'users.list response',
      },
    });
    expect(mapper.sync).toBe(true);
    const out: Record<string, unknown>[] = [];
    mapper.mapIntoSync({ id: 3, tags: ['a', '', 'b'] }, bindings(), out);
    expect(out).toEqual([{ id: '3', tags: ['a', 'b'], remote_data: { id: 3, tags: ['a', '', 'b'] } }]);
  });

  it('refuses scalar results', async () => {
    await expect(map('"just text"', [{ id: 1 }])).rejects.toMatchObject({ code: 'SB_ERR_MAPPING_FAILED' });
  });
});
