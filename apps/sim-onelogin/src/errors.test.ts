import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimulatorError, SimulatorErrorCode } from './errors.js';

describe('error registry', () => {
  it('documents exactly the codes it defines', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/`(SB_ERR_SIM_[A-Z_]+)`/g)].map((match) => match[1]);
    expect(new Set(documented)).toEqual(new Set(Object.values(SimulatorErrorCode)));
  });

  it('prints name, code and message', () => {
    expect(String(new SimulatorError('SB_ERR_SIM_X', 'boom'))).toBe('SimulatorError [SB_ERR_SIM_X]: boom');
  });
});
