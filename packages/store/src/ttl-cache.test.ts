import { describe, expect, it } from 'vitest';
import { deepFreeze, TtlCache } from './ttl-cache.js';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TtlCache', () => {
  it('answers from memory until the entry expires, then loads again', async () => {
    const time = clock();
    const cache = new TtlCache<string>({ ttlMs: 1000, now: time.now });
    let loads = 0;
    const load = async () => `value-${++loads}`;

    expect(await cache.read('k', load)).toBe('value-1');
    time.advance(999);
    expect(await cache.read('k', load)).toBe('value-1');
    time.advance(1);
    expect(await cache.read('k', load)).toBe('value-2');
    expect(loads).toBe(2);
  });

  it('never remembers a miss', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1000 });
    let value: string | undefined;
    expect(await cache.read('k', async () => value)).toBeUndefined();
    value = 'created elsewhere';
    expect(await cache.read('k', async () => value)).toBe('created elsewhere');
  });

  it('does not cache what a read found when a write landed while it ran', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1000 });
    let release: (value: string) => void = () => {};
    const slow = cache.read('k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.put('k', 'new');
    release('old');
    expect(await slow).toBe('old');
    expect(cache.get('k')).toBe('new');

    const slower = cache.read('j', () => new Promise<string>((resolve) => (release = resolve)));
    cache.delete('j');
    release('deleted meanwhile');
    await slower;
    expect(cache.get('j')).toBeUndefined();
  });

  it('load always asks, and drops the entry when nothing is found', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1000 });
    cache.put('k', 'local');
    expect(await cache.load('k', async () => 'shared')).toBe('shared');
    expect(cache.get('k')).toBe('shared');
    expect(await cache.load('k', async () => undefined)).toBeUndefined();
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest write first', () => {
    const cache = new TtlCache<number>({ ttlMs: 1000, maxEntries: 2 });
    cache.put('a', 1);
    cache.put('b', 2);
    cache.put('a', 3);
    cache.put('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4]);
  });

  it('drops every entry matching a predicate', () => {
    const cache = new TtlCache<{ id: string }>({ ttlMs: 1000 });
    cache.put('h1', { id: 'key_1' });
    cache.put('h2', { id: 'key_2' });
    cache.deleteWhere((value) => value.id === 'key_1');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toEqual({ id: 'key_2' });
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects so that shared cached values cannot be changed', () => {
    const value = deepFreeze({ connection: { subdomain: 'acme' }, list: [{ a: 1 }] });
    expect(() => {
      (value.connection as Record<string, string>)['subdomain'] = 'evil';
    }).toThrow(TypeError);
    expect(Object.isFrozen(value.list[0])).toBe(true);
  });
});
