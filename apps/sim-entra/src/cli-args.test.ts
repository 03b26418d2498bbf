import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('maps flags to simulator options', () => {
    const config = parseCliArgs([
      '--port',
      '0',
      '--users',
      '60',
      '--budget',
      '0',
      '--token-ttl',
      '120',
      '--start-at',
      '2025-12-31T00:00:00Z',
      '--client-secret',
      'S',
    ]);
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      options: {
        users: 60,
        tenSecondBudget: 0,
        tokenTtlSeconds: 120,
        startAt: '2025-12-31T00:00:00Z',
        clientSecret: 'S',
      },
    });
  });

  it('defaults to port 9003 and refuses an unknown flag with the usage', () => {
    expect(parseCliArgs([])).toEqual({ port: 9003, host: '127.0.0.1', options: {} });
    expect(() => parseCliArgs(['--tenant', 'x'])).toThrow(/Usage: tsx src\/main\.ts/);
  });
});
