import { describe, expect, it } from 'vitest';
import { createError, isSwitchboardError, SwitchboardError } from './index.js';

describe('createError', () => {
  const NotFound = createError('SB_ERR_TEST_NOT_FOUND', (id: string) => `record ${id} not found`);

  it('carries the code, message, details and cause', () => {
    const cause = new Error('upstream said no');
    const error = new NotFound('42', { details: { id: '42' }, cause });
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error.code).toBe('SB_ERR_TEST_NOT_FOUND');
    expect(error.message).toBe('record 42 not found');
    expect(error.details).toEqual({ id: '42' });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('SwitchboardError [SB_ERR_TEST_NOT_FOUND]: record 42 not found');
  });

  it('is recognised by code', () => {
    expect(isSwitchboardError(new NotFound('1'), 'SB_ERR_TEST_NOT_FOUND')).toBe(true);
    expect(isSwitchboardError(new NotFound('1'), 'SB_ERR_OTHER')).toBe(false);
    expect(isSwitchboardError(new Error('plain'))).toBe(false);
  });
});
