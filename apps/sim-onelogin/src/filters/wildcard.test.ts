import { describe, expect, it } from 'vitest';
import { wildcardMatcher } from './wildcard.js';

describe('wildcardMatcher', () => {
  it.each([
    ['*@example.org', 'ann@EXAMPLE.org', true],
    ['*@example.org', 'ann@example.com', false],
    ['ann', 'ANN', true],
    ['ann', 'anna', false],
    ['a*n', 'aXYZn', true],
    ['a.b', 'axb', false],
    ['*-us', 'AWS-us', true],
    ['Zo*', 'Zoë', true],
  ])('%s against %s → %s', (pattern, value, expected) => {
    expect(wildcardMatcher(pattern)(value)).toBe(expected);
  });

  it('never matches null or missing values', () => {
    expect(wildcardMatcher('*')(null)).toBe(false);
    expect(wildcardMatcher('x')(undefined)).toBe(false);
  });
});
