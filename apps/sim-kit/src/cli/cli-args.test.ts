import { describe, expect, it } from 'vitest';
import { parseSimulatorArgs } from './cli-args.js';

const spec = {
  usage: 'usage',
  defaultPort: 9002,
  flags: { 'api-token': { option: 'apiToken', kind: 'string' } },
} as const;

describe('parseSimulatorArgs', () => {
  it('reads the common flags and the simulator’s own', () => {
    expect(parseSimulatorArgs(['--users', '10', '--log', '--api-token', 'x', '--port', '0'], spec)).toEqual({
      port: 0,
      host: '127.0.0.1',
      options: { users: 10, logger: true, apiToken: 'x' },
    });
    expect(parseSimulatorArgs([], spec)).toEqual({ port: 9002, host: '127.0.0.1', options: {} });
  });

  it.each([[['--users', 'many']], [['--nope']]])('refuses %j with a coded error', (argv) => {
    expect(() => parseSimulatorArgs(argv, spec)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_SIM_ARGS_INVALID' }),
    );
  });
});
