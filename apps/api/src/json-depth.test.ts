import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-depth.js';

describe('jsonDepth', () => {
  it.each([
    [1, 0],
    [null, 0],
    [{}, 1],
    [[1, [2, [3]]], 3],
    [{ a: { b: [{ c: 1 }] } }, 4],
  ])('%j nests %i deep', (value, depth) => {
    expect(jsonDepth(value)).toBe(depth);
  });

  it('measures 100 000 levels without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonDepth(deep, 64)).toBe(65);
  });
});
