import { readFileSync } from 'node:fs';
import * as engine from '@switchboard/engine';
import { RateLimited, UpstreamStatus } from '@switchboard/engine';
import { codesOf } from '@switchboard/errors';
import { storeErrors } from '@switchboard/store';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './error-response.js';
import { ERROR_STATUS, statusOf, upstreamStatus } from './error-status.js';
import * as apiErrors from './errors.js';
import { NotFound } from './errors.js';

describe('error-status', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const everyCode = [...codesOf(apiErrors), ...codesOf(engine), ...codesOf(storeErrors)];

  it.each(everyCode)('maps and documents %s', (code) => {
    expect(ERROR_STATUS).toHaveProperty(code);
    expect(readme).toContain(`| \`${code}\``);
  });

  it('answers 404 for a record the upstream no longer has (a get or write that found no record)', () => {
    expect(statusOf('SB_ERR_RUN_RECORD_NOT_FOUND')).toBe(404);
  });

  it('matches the README errors table exactly', () => {
    const rows = [...readme.matchAll(/^\|\s*`(SB_ERR_[A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_STATUS);
  });

  it.each([
    [404, 404, 'SB_ERR_NOT_FOUND'],
    [401, 409, 'SB_ERR_AUTH_NEEDS_REAUTH'],
    [422, 422, undefined],
    [429, 429, undefined],
    [500, 502, undefined],
    [418, 502, undefined],
  ])('maps upstream %i to %i', (remote, status, code) => {
    expect(upstreamStatus(remote)).toEqual(code === undefined ? { status } : { status, code });
  });
});

describe('toErrorResponse', () => {
  it('keeps upstream headers private and shows status and body', () => {
    const error = Object.assign(new NotFound('x'), {});
    expect(toErrorResponse(error).body).toEqual({
      statusCode: 404,
      code: 'SB_ERR_NOT_FOUND',
      error: 'Not Found',
      message: 'x not found',
      details: {},
    });
  });

  it('adds the upstream status and body, never its headers', () => {
    const remote = { status: 403, headers: { 'set-cookie': 'session=1' }, body: { message: 'Forbidden' } };
    const response = toErrorResponse(
      new UpstreamStatus(403, 'users.list', { details: { label: 'users.list', remote } }),
    );
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      code: 'SB_ERR_HTTP_UPSTREAM_STATUS',
      details: { label: 'users.list' },
      remote: { status: 403, body: { message: 'Forbidden' } },
      is_remote_error: true,
    });
    expect(JSON.stringify(response.body)).not.toContain('session=1');
  });

  it('sets Retry-After from the engine retry time', () => {
    const retryAt = new Date(Date.now() + 30_000).toISOString();
    const response = toErrorResponse(new RateLimited(retryAt, { details: { retry_at: retryAt } }));
    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(29);
  });

  it('answers 500 with no detail for anything unexpected', () => {
    const response = toErrorResponse(new TypeError('secret-ish internals'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('secret-ish');
  });
});
