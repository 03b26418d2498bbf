import { describe, expect, it } from 'vitest';
import { firstDifference } from './first-difference.js';

describe('firstDifference', () => {
  it('finds nothing between equal values, whatever the key order', () => {
    expect(firstDifference({ a: 1, b: [{ c: 'x' }] }, { b: [{ c: 'x' }], a: 1 })).toBeUndefined();
  });

  it('treats undefined members as absent', () => {
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 })).toBeUndefined();
  });

  it('names the path of the first difference', () => {
    expect(firstDifference({ roles: [{ id: '5' }, { id: '6' }] }, { roles: [{ id: '5' }, { id: 6 }] })).toBe(
      '$.roles[1].id: "6" ≠ 6',
    );
    expect(firstDifference({ a: 1 }, { a: 1, name: 'x' })).toBe('$.name: absent ≠ "x"');
    expect(firstDifference([1], [1, 2])).toBe('$: 1 items ≠ 2 items');
  });
});
