/**
 * Pools are bounded (issue 16, item 1): every distinct upstream origin a caller can name (a `subdomain` typed into
 * the connect form) costs a pool, so idle pools are closed and the number of pools is capped.
 */
import { describe, expect, it } from 'vitest';
import { fakeTime } from '../testing/fake-time.js';
import { PoolRegistry } from './pool-registry.js';

describe('PoolRegistry', () => {
  it('reuses the pool of an origin', async () => {
    const registry = new PoolRegistry();
    expect(registry.get('https://a.test', 1000)).toBe(registry.get('https://a.test', 1000));
    await registry.close();
  });

  it('closes pools that stayed idle longer than idleMs', async () => {
    const time = fakeTime();
    const registry = new PoolRegistry({ clock: time.clock, idleMs: 60_000 });
    const idle = registry.get('https://idle.test', 1000);
    time.advance(30_000);
    const busy = registry.get('https://busy.test', 1000);
    time.advance(40_000);
    registry.get('https://busy.test', 1000);
    expect(idle.closed).toBe(true);
    expect(busy.closed).toBe(false);
    expect(registry.size).toBe(1);
    expect(registry.get('https://idle.test', 1000)).not.toBe(idle);
    await registry.close();
  });

  it('keeps at most maxPools, closing the least recently used', async () => {
    const time = fakeTime();
    const registry = new PoolRegistry({ clock: time.clock, maxPools: 2 });
    const first = registry.get('https://one.test', 1000);
    time.advance(1);
    const second = registry.get('https://two.test', 1000);
    time.advance(1);
    registry.get('https://one.test', 1000);
    time.advance(1);
    registry.get('https://three.test', 1000);
    expect(second.closed).toBe(true);
    expect(first.closed).toBe(false);
    expect(registry.size).toBe(2);
    await registry.close();
  });
});
