import { describe, expect, it } from 'vitest';
import { type CpuProfile, summariseCpuProfile } from './cpu-profile-summary.js';

const ROUTE = 'file:///repo/apps/api/src/routes/proxy.ts';
const UNDICI = 'file:///repo/node_modules/.pnpm/undici@7.30.2/node_modules/undici/lib/api/api-request.js';

/** root → handle (own) → request (undici) → recurse (own, calling itself); plus idle and the GC. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 5, 6] },
    { id: 2, callFrame: { functionName: 'handle', url: ROUTE, lineNumber: 10 }, children: [3, 7] },
    { id: 3, callFrame: { functionName: 'request', url: UNDICI, lineNumber: 190 }, children: [] },
    { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    { id: 6, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
    { id: 7, callFrame: { functionName: 'walk', url: ROUTE, lineNumber: 50 }, children: [8] },
    { id: 8, callFrame: { functionName: 'walk', url: ROUTE, lineNumber: 50 } },
  ],
  // Each sample lasts until the next: 1 ms apart, the last one as long as the one before it.
  samples: [3, 3, 5, 6, 8, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summariseCpuProfile', () => {
  it('charges library time to the own function that called it, and leaves idle time out', () => {
    const summary = summariseCpuProfile(profile);
    expect(summary.busyMs).toBe(5);
    const own = Object.fromEntries(summary.own.map((row) => [row.name, row.ms]));
    expect(own).toEqual({
      'handle apps/api/src/routes/proxy.ts': 3,
      'walk apps/api/src/routes/proxy.ts': 1,
      '(runtime) (garbage collector)': 1,
    });
    expect(summary.own[0]?.share).toBeCloseTo(0.6);
  });

  it('counts a recursive function once per sample in the inclusive table', () => {
    const summary = summariseCpuProfile(profile);
    const inclusive = Object.fromEntries(summary.inclusive.map((row) => [row.name, row.ms]));
    expect(inclusive['walk apps/api/src/routes/proxy.ts']).toBe(1);
    expect(inclusive['handle apps/api/src/routes/proxy.ts']).toBe(4);
    expect(inclusive['request [undici]']).toBe(2);
  });

  it('keeps only the samples of the window', () => {
    const summary = summariseCpuProfile(profile, { fromSeconds: 0.0035, toSeconds: 0.0065 });
    expect(summary.self.map((row) => row.name)).toEqual([
      '(garbage collector)',
      'walk apps/api/src/routes/proxy.ts',
      'handle apps/api/src/routes/proxy.ts',
    ]);
    expect(summary.busyBySecond).toEqual([5]);
  });
});
