import { InvalidCredentials, RateLimited, UnknownResource, UpstreamNetwork } from '@switchboard/engine';
import { describe, expect, it } from 'vitest';
import { describeRefusal } from './upstream-refusal.js';

describe('describeRefusal', () => {
  it('shows the upstream reason when the credentials are refused (422)', () => {
    const refusal = describeRefusal(
      new InvalidCredentials('invalid client', { details: { reason: 'invalid client' } }),
      'OneLogin',
    );
    expect(refusal?.status).toBe(422);
    expect(refusal?.error.title).toBe('OneLogin did not accept these credentials');
    expect(refusal?.error.detail).toContain('OneLogin said: Invalid client.');
    expect(refusal?.error.detail).toContain('secret fields were cleared');
  });

  it('says the upstream could not be reached (502) or is busy (429)', () => {
    expect(describeRefusal(new UpstreamNetwork('POST /token'), 'OneLogin')?.status).toBe(502);
    expect(describeRefusal(new RateLimited('2030-01-01T00:00:00Z'), 'OneLogin')?.status).toBe(429);
  });

  it('leaves anything else to the error page', () => {
    expect(describeRefusal(new UnknownResource('users'), 'OneLogin')).toBeUndefined();
    expect(describeRefusal(new Error('boom'), 'OneLogin')).toBeUndefined();
  });
});
