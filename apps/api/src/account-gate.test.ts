import { describe, expect, it } from 'vitest';
import { AccountGate } from './account-gate.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('AccountGate', () => {
  it('lets a credential change run only after the calls in flight, and holds later calls until it is done', async () => {
    const gate = new AccountGate();
    const events: string[] = [];
    const inFlight = deferred();
    const call = gate.read('ia_1', async () => {
      await inFlight.promise;
      events.push('call done');
    });
    const change = gate.write('ia_1', async () => {
      events.push('change');
    });
    const later = gate.read('ia_1', async () => {
      events.push('later call');
    });
    await Promise.resolve();
    expect(gate.changing('ia_1')).toBe(true);
    expect(events).toEqual([]);
    inFlight.resolve();
    await Promise.all([call, change, later]);
    expect(events).toEqual(['call done', 'change', 'later call']);
    expect(gate.changing('ia_1')).toBe(false);
  });

  it('does not hold calls of other accounts', async () => {
    const gate = new AccountGate();
    const inFlight = deferred();
    const call = gate.read('ia_1', () => inFlight.promise);
    const change = gate.write('ia_1', async () => 'changed');
    expect(await gate.read('ia_2', async () => 'other')).toBe('other');
    inFlight.resolve();
    await call;
    expect(await change).toBe('changed');
  });

  it('releases waiting calls when a change fails', async () => {
    const gate = new AccountGate();
    await expect(gate.write('ia_1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.read('ia_1', async () => 'ok')).toBe('ok');
  });
});
