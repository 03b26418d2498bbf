import { describe, expect, it } from 'vitest';
import { keysetPage } from './keyset-page.js';

describe('keysetPage', () => {
  const rows = ['00u01', '00u02', '00u05', '00u09'].map((id) => ({ id }));
  const id = (row: { id: string }) => row.id;

  it('pages after a key and names the next cursor until the last page', () => {
    const first = keysetPage(rows, undefined, 2, id);
    expect(first).toEqual({ items: rows.slice(0, 2), nextAfter: '00u02' });
    const second = keysetPage(rows, first.nextAfter, 2, id);
    expect(second).toEqual({ items: rows.slice(2), nextAfter: undefined });
  });

  it('continues after a key that has since been deleted', () => {
    expect(keysetPage(rows, '00u03', 10, id).items.map(id)).toEqual(['00u05', '00u09']);
  });
});
