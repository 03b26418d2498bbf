import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseBody } from './body-store.js';
import { readExpected, readFixture, writeExpected, writeFixture } from './fixture.js';

const page = Array.from({ length: 60 }, (_, i) => ({
  id: i,
  name: `user ${i}`,
  email: `u${i}@example.test`,
}));
const fixture = (scenario: string) => ({
  scenario,
  integration: 't',
  description: 'd',
  operation: { model: 'user-directory', resource: 'users', method: 'list' as const },
  connection: {},
  exchanges: [1, 2].map(() => ({
    request: { method: 'GET', path: '/users', query: {} },
    response: { status: 200, headers: {}, body: page },
  })),
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'body-store-'));
});
afterEach(() => rm(dir, { recursive: true }));

describe('bodies stored once per fixtures folder', () => {
  it('keeps a page read by several exchanges and scenarios once, and reads it back in place', async () => {
    await writeFixture(join(dir, 'a.yaml'), fixture('a'));
    await writeFixture(join(dir, 'b.yaml'), fixture('b'));
    await writeExpected(join(dir, 'a.expected.yaml'), { records: page });
    expect(await readdir(join(dir, 'bodies'))).toHaveLength(1);
    expect((await readFixture(join(dir, 'b.yaml'))).exchanges[1]?.response.body).toEqual(page);
    expect(await readExpected(join(dir, 'a.expected.yaml'))).toEqual({ records: page });
    expect(await readFile(join(dir, 'a.yaml'), 'utf8')).toMatch(/body_file: bodies\/[0-9a-f]{16}\.json/);
  });

  it('writes one array element per line', () => {
    expect(serialiseBody({ data: [{ id: 1 }, { id: 2 }], next: null })).toBe(
      '{\n"data": [\n{"id":1},\n{"id":2}\n],\n"next": null\n}',
    );
  });
});
