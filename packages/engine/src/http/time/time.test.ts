import { describe, expect, it } from 'vitest';
import { headerDelayMs } from './header-delay.js';
import { parseDuration } from './parse-duration.js';
import { parseHttpDate } from './parse-http-date.js';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('parseHttpDate', () => {
  it('reads the three HTTP-date forms', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
  });

  it('refuses what Date.parse would accept', () => {
    for (const value of ['120', '2026-11-28T12:00:00Z', 'Sun, 31 Feb 2026 00:00:00 GMT', 'tomorrow', ''])
      expect(parseHttpDate(value)).toBeUndefined();
  });

  it('puts a two-digit RFC 850 year in the right century', () => {
    expect(parseHttpDate('Monday, 01-Jan-30 00:00:00 GMT', NOW)).toBe(Date.UTC(2030, 0, 1));
    expect(parseHttpDate('Monday, 01-Jan-99 00:00:00 GMT', NOW)).toBe(Date.UTC(1999, 0, 1));
  });
});

describe('headerDelayMs', () => {
  it('reads digits as seconds first, then HTTP dates, clamping past dates to 0', () => {
    expect(headerDelayMs('120', 'auto', NOW)).toBe(120_000);
    expect(headerDelayMs('Sat, 28 Nov 2026 12:00:30 GMT', 'auto', NOW)).toBe(30_000);
    expect(headerDelayMs('Sat, 28 Nov 2026 11:00:00 GMT', 'auto', NOW)).toBe(0);
    expect(headerDelayMs('soon', 'auto', NOW)).toBeUndefined();
  });

  it('reads every reset format', () => {
    expect(headerDelayMs('206', 'delta_seconds', NOW)).toBe(206_000);
    expect(headerDelayMs(String(NOW / 1000 + 60), 'epoch_seconds', NOW)).toBe(60_000);
    expect(headerDelayMs(String(NOW + 1500), 'epoch_ms', NOW)).toBe(1500);
    expect(headerDelayMs('Sat, 28 Nov 2026 12:01:00 GMT', 'http_date', NOW)).toBe(60_000);
    expect(headerDelayMs('Sat, 28 Nov 2026 12:01:00 GMT', 'delta_seconds', NOW)).toBeUndefined();
    expect(headerDelayMs('60', 'http_date', NOW)).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it('converts each unit and falls back when absent', () => {
    expect(parseDuration('500ms', 0)).toBe(500);
    expect(parseDuration('30s', 0)).toBe(30_000);
    expect(parseDuration('15m', 0)).toBe(900_000);
    expect(parseDuration('1h', 0)).toBe(3_600_000);
    expect(parseDuration(undefined, 42)).toBe(42);
  });
});
