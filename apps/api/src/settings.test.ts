import { describe, expect, it } from 'vitest';
import { parseBudget, parseSettings } from './settings.js';

describe('parseSettings', () => {
  it('applies the contract defaults', () => {
    const settings = parseSettings({});
    expect(settings).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./.switchboard/switchboard.db',
      logLevel: 'info',
      apiRateLimit: { max: 6000, windowMs: 60_000 },
      cacheTtlMs: 5000,
      upstreamOverrides: {},
      rateLimitOverrides: {},
    });
    expect(settings.adminToken).toBeUndefined();
  });

  it('reads per-integration overrides', () => {
    const settings = parseSettings({
      SWITCHBOARD_UPSTREAM_ONELOGIN: 'http://127.0.0.1:9001/',
      SWITCHBOARD_RATE_LIMIT_ONELOGIN: '20000/1h',
      SWITCHBOARD_RATE_LIMIT_OKTA: 'off',
      SWITCHBOARD_API_RATE_LIMIT: '600/1m',
    });
    expect(settings.upstreamOverrides).toEqual({ ONELOGIN: 'http://127.0.0.1:9001' });
    expect(settings.rateLimitOverrides).toEqual({
      ONELOGIN: { limit: 20000, windowMs: 3_600_000 },
      OKTA: 'off',
    });
    expect(settings.apiRateLimit).toEqual({ max: 600, windowMs: 60_000 });
  });

  it.each([
    ['off', 0],
    ['0', 0],
    ['500ms', 500],
    ['2s', 2000],
    ['1m', 60_000],
  ])('reads SWITCHBOARD_CACHE_TTL=%s', (text, ms) => {
    expect(parseSettings({ SWITCHBOARD_CACHE_TTL: text }).cacheTtlMs).toBe(ms);
  });

  it.each(['5', '2m', '-1s', 'soon'])('refuses SWITCHBOARD_CACHE_TTL=%s', (text) => {
    expect(() => parseSettings({ SWITCHBOARD_CACHE_TTL: text })).toThrow(/SWITCHBOARD_CACHE_TTL/);
  });

  it('reports every invalid variable at once, without echoing secrets', () => {
    let caught: unknown;
    try {
      parseSettings({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        SWITCHBOARD_UPSTREAM_ONELOGIN: 'ftp://x',
        SWITCHBOARD_RATE_LIMIT_ONELOGIN: 'lots',
        SWITCHBOARD_CURSOR_SECRET: 'short-secret-value',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'SB_ERR_API_SETTINGS_INVALID' });
    const { issues } = (caught as { details: { issues: { variable: string }[] } }).details;
    expect(issues.map((issue) => issue.variable).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'SWITCHBOARD_CURSOR_SECRET',
      'SWITCHBOARD_RATE_LIMIT_ONELOGIN',
      'SWITCHBOARD_UPSTREAM_ONELOGIN',
    ]);
    expect(String((caught as Error).message)).not.toContain('short-secret-value');
  });
});

describe('parseBudget', () => {
  it.each([
    ['off', 'off'],
    ['20000/1h', { limit: 20000, windowMs: 3_600_000 }],
    ['10/30s', { limit: 10, windowMs: 30_000 }],
    ['5/d', { limit: 5, windowMs: 86_400_000 }],
  ])('%s', (text, expected) => {
    expect(parseBudget(text)).toEqual(expected);
  });

  it.each(['', '0/1h', '10', '10/1y', '-1/1h', 'ten/1h'])('refuses %j', (text) => {
    expect(parseBudget(text)).toBeUndefined();
  });
});
