import { describe, expect, it } from 'vitest';
import { encodeQuery } from './query-string.js';

describe('encodeQuery', () => {
  it('keeps bracketed keys literal and encodes values', () => {
    expect(encodeQuery({ 'updated_at[gte]': '2026-01-01T00:00:00Z', 'remote_query[q]': 'a b&c' })).toBe(
      '?updated_at[gte]=2026-01-01T00%3A00%3A00Z&remote_query[q]=a%20b%26c',
    );
  });

  it('sends dates as ISO-8601 UTC and leaves out null and undefined', () => {
    expect(encodeQuery({ since: new Date(Date.UTC(2026, 0, 2)), a: undefined, b: null, ok: false })).toBe(
      '?since=2026-01-02T00%3A00%3A00.000Z&ok=false',
    );
  });

  it('gives an empty string when nothing is left', () => {
    expect(encodeQuery({ a: undefined })).toBe('');
  });
});
