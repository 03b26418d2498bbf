import { describe, expect, it } from 'vitest';
import { changedFields } from './record-diff.js';

describe('changedFields', () => {
  it('names the fields that changed, never updated_at or remote_data', () => {
    const before = {
      id: '1',
      title: 'A',
      updated_at: '2026-01-01',
      remote_data: { x: 1 },
      roles: [{ id: 'r1' }],
    };
    const after = {
      id: '1',
      title: 'B',
      updated_at: '2026-02-01',
      remote_data: { x: 2 },
      roles: [{ id: 'r1' }, { id: 'r2' }],
    };
    expect(changedFields(before, after)).toEqual(['roles', 'title']);
  });

  it('ignores key order and treats absent and null alike', () => {
    expect(
      changedFields({ manager: { id: '1', name: 'M' }, phones: null }, { manager: { name: 'M', id: '1' } }),
    ).toEqual([]);
    expect(changedFields({ updated_at: 'a' }, { updated_at: 'b' })).toEqual([]);
  });
});
