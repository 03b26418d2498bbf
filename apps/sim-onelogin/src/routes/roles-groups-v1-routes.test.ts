import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

describe('groups v1', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ users: 10 });
  });
  afterAll(() => h.sim.close());

  it('pages with the body cursor only (no After-Cursor header)', async () => {
    const names: string[] = [];
    let url: string | null = '/api/1/groups?limit=3';
    while (url !== null) {
      const response = await h.get(url);
      expect(response.headers).not.toHaveProperty('after-cursor');
      const body = response.json();
      names.push(...body.data.map((group: { name: string }) => group.name));
      const cursor: string | null = body.pagination.after_cursor;
      url = cursor === null ? null : `/api/1/groups?limit=3&after_cursor=${encodeURIComponent(cursor)}`;
    }
    expect(names).toEqual(h.sim.state.data.groups.items.map((group) => group.name));
    expect(names).toContain('東京チーム');
  });

  it('gets a group as an array of one with a null reference', async () => {
    const group = h.sim.state.data.groups.items[0];
    expect((await h.get(`/api/1/groups/${group?.id}`)).json().data).toEqual([
      { id: group?.id, name: group?.name, reference: null },
    ]);
    const missing = await h.get('/api/1/groups/9999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      status: { error: true, code: 404, type: 'not found', message: 'Group for id 9999999 was not found' },
    });
  });
});
