import { describe, expect, it } from 'vitest';
import { normaliseTimestamps } from './timestamp-normalisation.js';
import { FIXTURE_CLOCK } from './virtual-time.js';

describe('normaliseTimestamps', () => {
  it('moves times written during the session onto the frozen instant, in their own format', () => {
    const now = new Date(Date.now() - 1000);
    const json = JSON.stringify({
      created_at: now.toISOString(),
      seconds: now.toISOString().replace(/\.\d+Z$/, 'Z'),
      offset: now.toISOString().replace('Z', '+00:00'),
      history: '2019-05-01T10:00:00.000Z',
    });
    expect(JSON.parse(normaliseTimestamps(json, Date.now() - 60_000, FIXTURE_CLOCK))).toEqual({
      created_at: '2026-01-01T00:00:00.000Z',
      seconds: '2026-01-01T00:00:00Z',
      offset: '2026-01-01T00:00:00.000+00:00',
      history: '2019-05-01T10:00:00.000Z',
    });
  });

  it('also moves times just after the anchor (a simulator started at the fixtures instant)', () => {
    const json = '{"a":"2026-01-01T00:03:12.480Z","b":"2025-12-31T09:00:00.000Z"}';
    expect(normaliseTimestamps(json, Date.now(), FIXTURE_CLOCK + 1000, FIXTURE_CLOCK)).toBe(
      '{"a":"2026-01-01T00:00:00.000Z","b":"2025-12-31T09:00:00.000Z"}',
    );
  });
});
