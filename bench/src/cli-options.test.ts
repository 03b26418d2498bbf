import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options.js';
import { BenchArgsInvalid } from './errors.js';

describe('parseCliOptions', () => {
  it('runs every stage at full size by default', () => {
    const options = parseCliOptions([]);
    expect(options.profile.mode).toBe('full');
    expect([...options.stages]).toEqual([
      'mapping',
      'cold-start',
      'unified-list',
      'proxy',
      'change-feed',
      'upstream-calls',
    ]);
    expect(options.profile.unifiedList.sizes).toEqual([10_000, 100_000]);
  });

  it('switches to the quick profile and a subset of stages', () => {
    const options = parseCliOptions(['--quick', '--only', 'proxy,mapping']);
    expect(options.profile.mode).toBe('quick');
    expect(options.profile.unifiedList.sizes).toEqual([2000, 10_000]);
    expect([...options.stages].sort()).toEqual(['mapping', 'proxy']);
  });

  it('profiles the API processes only when asked, into an absolute directory', () => {
    expect(parseCliOptions([]).apiCpuProfDir).toBeUndefined();
    expect(parseCliOptions(['--api-cpu-prof', 'prof']).apiCpuProfDir).toBe(resolve('prof'));
  });

  it('refuses unknown stages and flags with the usage text', () => {
    expect(() => parseCliOptions(['--only', 'mapping,nope'])).toThrow(BenchArgsInvalid);
    expect(() => parseCliOptions(['--fast'])).toThrow(/Usage: pnpm bench/);
  });
});
