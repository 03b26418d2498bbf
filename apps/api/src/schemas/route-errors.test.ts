import { describe, expect, it } from 'vitest';
import { errors, UPSTREAM_CALL_ERRORS } from './route-errors.js';

describe('route error responses', () => {
  it('documents each status with the codes behind it, from the status table', () => {
    const responses = errors('SB_ERR_NOT_FOUND', 'SB_ERR_RUN_RECORD_NOT_FOUND') as Record<
      number,
      { description: string; $ref: string }
    >;
    expect(responses[404]).toEqual({
      description: 'SB_ERR_NOT_FOUND, SB_ERR_RUN_RECORD_NOT_FOUND',
      $ref: 'ErrorResponse#',
    });
    expect(responses[401]?.description).toBe('SB_ERR_API_UNAUTHORIZED');
    expect(responses[503]?.description).toBe('SB_ERR_STORE_UNAVAILABLE');
    expect(Object.keys(responses)).not.toContain('502');
  });

  it('documents the upstream statuses a proxied failure keeps', () => {
    const responses = errors(...UPSTREAM_CALL_ERRORS) as Record<number, { description: string }>;
    for (const status of [403, 412, 422, 502, 504]) {
      expect(responses[status]?.description, String(status)).toBeDefined();
    }
    expect(responses[403]?.description).toBe('SB_ERR_HTTP_UPSTREAM_STATUS');
  });
});
