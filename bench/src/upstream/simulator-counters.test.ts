import { describe, expect, it } from 'vitest';
import { callsBetween } from './simulator-counters.js';

describe('callsBetween', () => {
  it('counts only what happened between two readings, by route', () => {
    const before = { total: 12, tokenRequests: 1, byRoute: { 'GET /api/2/users': 11 } };
    const after = {
      total: 15,
      tokenRequests: 1,
      byRoute: { 'GET /api/2/users': 13, 'GET /api/1/groups': 1 },
    };
    expect(callsBetween(before, after)).toEqual({
      total: 3,
      tokenRequests: 0,
      byRoute: { 'GET /api/2/users': 2, 'GET /api/1/groups': 1 },
    });
  });

  it('leaves out routes nobody called in between', () => {
    const reading = { total: 5, tokenRequests: 1, byRoute: { 'GET /api/2/users': 4 } };
    expect(callsBetween(reading, reading)).toEqual({ total: 0, tokenRequests: 0, byRoute: {} });
  });
});
