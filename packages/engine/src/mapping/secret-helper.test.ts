import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.js';
import { generateSecret, secretHelper } from './secret-helper.js';

describe('$secret(length)', () => {
  it('makes a string of that length with an upper, a lower, a digit and a symbol', () => {
    for (const length of [8, 16, 128]) {
      const value = generateSecret(length);
      expect(value).toHaveLength(length);
      expect(value).toMatch(/[A-Z]/);
      expect(value).toMatch(/[a-z]/);
      expect(value).toMatch(/[0-9]/);
      expect(value).toMatch(/[-_.~!@#%^*+=]/);
    }
  });

  it('never repeats itself', () => {
    const values = new Set(Array.from({ length: 200 }, () => generateSecret(12)));
    expect(values.size).toBe(200);
  });

  it('is called from JSONata as a binding, and each value is registered before it is returned', async () => {
    const registered: string[] = [];
    const expression = compileExpression('{ "password": $secret(20), "again": $secret(20) }');
    if (!('evaluate' in expression)) throw new Error(expression.message);
    const body = (await expression.evaluate(
      {},
      { secret: secretHelper({ addSecret: (v) => registered.push(v) }) },
    )) as {
      password: string;
      again: string;
    };
    expect(body.password).toHaveLength(20);
    expect(body.password).not.toBe(body.again);
    expect(registered).toEqual([body.password, body.again]);
  });

  it.each([[4], [129], [12.5], ['16'], [undefined]])('refuses length %j', (length) => {
    expect(() => secretHelper({ addSecret: () => {} })(length)).toThrow(/whole number from 8 to 128/);
  });
});
