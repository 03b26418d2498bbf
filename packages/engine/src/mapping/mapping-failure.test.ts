import { describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { mappingFailure } from './mapping-failure.js';

const integration = {
  name: 'acme',
  locate: (pointer: string) => ({ file: 'acme.yaml', line: 12, column: 9, pointer }),
} as unknown as CompiledIntegration;
const jsonataError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('mappingFailure', () => {
  it('names the integration, the place in the file and the upstream record', () => {
    const error = mappingFailure(
      { integration, pointer: '/unified/user-directory/users/list/response', what: 'users.list response' },
      jsonataError('T2002', 'The right side of the "+" operator must evaluate to a number'),
      42,
    );
    expect(error.code).toBe('SB_ERR_MAPPING_FAILED');
    expect(error.message).toContain('acme.yaml:12:9');
    expect(error.message).toContain('upstream record 42');
  });

  it("turns an author's $error() on the caller's input into invalid input, with the author's message", () => {
    const site = {
      integration,
      pointer: '/unified/user-directory/role_assignments/delete/body',
      what: 'role_assignments.delete body',
    };
    const error = mappingFailure(
      site,
      jsonataError('D3137', 'A role assignment id looks like <user_id>:<role_id>'),
    );
    expect(error.code).toBe('SB_ERR_RUN_INVALID_INPUT');
    expect(error.message).toBe('A role assignment id looks like <user_id>:<role_id>');
  });

  it('keeps $error() in a response mapping a mapping failure: the upstream sent it, not the caller', () => {
    const site = {
      integration,
      pointer: '/unified/user-directory/users/get/response',
      what: 'users.get response',
    };
    expect(mappingFailure(site, jsonataError('D3137', 'unexpected shape')).code).toBe(
      'SB_ERR_MAPPING_FAILED',
    );
  });
});
