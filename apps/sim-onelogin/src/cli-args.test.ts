import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('maps flags to simulator options', () => {
    const config = parseCliArgs([
      '--port',
      '9001',
      '--users',
      '10000',
      '--latency',
      '5',
      '--budget',
      '5000',
      '--client-id',
      'X',
      '--client-secret',
      'Y',
    ]);
    expect(config).toEqual({
      port: 9001,
      host: '127.0.0.1',
      options: { users: 10000, latencyMs: 5, hourlyBudget: 5000, clientId: 'X', clientSecret: 'Y' },
    });
  });

  it('defaults to port 9001 and no overrides', () => {
    expect(parseCliArgs([])).toEqual({ port: 9001, host: '127.0.0.1', options: {} });
  });

  it.each([[['--users', 'many']], [['--nope']]])('refuses %j with a coded error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(expect.objectContaining({ code: 'SB_ERR_SIM_ARGS_INVALID' }));
  });
});
