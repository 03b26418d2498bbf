import { describe, expect, it } from 'vitest';
import { prefixedId } from './prefixed-id.js';

describe('prefixedId', () => {
  it('sorts as text in creation-time order, whatever the random part', () => {
    const times = [0, 1, 31, 32, 1_700_000_000_000, 1_700_000_000_001, 4_102_444_800_000];
    const ids = times.map((ms) => prefixedId('ia', new Date(ms)));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^ia_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('gives different ids in the same millisecond', () => {
    const now = new Date();
    expect(prefixedId('env', now)).not.toBe(prefixedId('env', now));
  });
});

describe('prefixedId within one millisecond', () => {
  it('counts up, so ids made in a burst keep their creation order', () => {
    const now = new Date();
    const ids = Array.from({ length: 50 }, () => prefixedId('ia', now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });
});
