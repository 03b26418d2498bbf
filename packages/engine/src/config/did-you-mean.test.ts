import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('didYouMean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('paginaiton', 'pagination')).toBe(1);
    expect(editDistance('retries', 'retry')).toBe(3);
  });

  it('suggests the nearest plausible candidate, ignoring case', () => {
    const keys = ['pagination', 'resources', 'retry', 'rate_limit'];
    expect(didYouMean('paginaton', keys)).toBe('pagination');
    expect(didYouMean('Resources', keys)).toBe('resources');
    expect(didYouMean('rety', keys)).toBe('retry');
    expect(didYouMean('completely_different', keys)).toBeUndefined();
    expect(didYouMean('x'.repeat(1000), keys)).toBeUndefined();
  });
});
